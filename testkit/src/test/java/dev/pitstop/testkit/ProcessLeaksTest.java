package dev.pitstop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessLeaksTest {

    @Test
    void findsChildrenAndGrandchildrenInTheirGroupUntilTheyAreGone() throws Exception {
        Process leader = new ProcessBuilder("setsid", "bash", "-c", "sleep 1000 & wait").start();
        long pgid = leader.pid();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessLeaks.find(List.of(pgid)).size() == 2);
            List<ProcessLeaks.ProcInfo> found = ProcessLeaks.find(List.of(pgid));
            assertThat(found).allMatch(p -> p.pgrp() == pgid);
            assertThat(found).extracting(ProcessLeaks.ProcInfo::command).contains("sleep 1000");
            assertThatThrownBy(() -> ProcessLeaks.assertNone(List.of(pgid))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("sleep 1000");
        } finally {
            // the grandchild dies with its group, the leader is reaped by the JDK
            new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).start().waitFor();
            leader.waitFor();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ProcessLeaks.assertNone(List.of(pgid)));
    }

    @Test
    void descendantsFollowParentChains() {
        List<ProcessLeaks.ProcInfo> table = List.of(
                new ProcessLeaks.ProcInfo(10, 1, 10, 10, 'S', "root"),
                new ProcessLeaks.ProcInfo(11, 10, 11, 11, 'S', "child"),
                new ProcessLeaks.ProcInfo(12, 11, 11, 11, 'Z', "zombie grandchild"),
                new ProcessLeaks.ProcInfo(13, 1, 13, 13, 'S', "unrelated"));
        assertThat(ProcessLeaks.descendantsOf(10, table)).extracting(ProcessLeaks.ProcInfo::pid)
                .containsExactlyInAnyOrder(11L, 12L);
    }
}
