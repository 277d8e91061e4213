package dev.pitstop.supervisor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcFsTest {
    @Test
    void childrenOfThisJvmAreReadFromItsThreadsAndMatchAScanOfEveryProcess() throws Exception {
        ProcFs table = new ProcFs();
        long self = ProcessHandle.current().pid();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(table.childrenOf(self)).extracting(ProcessTable.Stat::pid).contains(sleeper.pid());
            assertThat(table.childrenOf(self)).allMatch(s -> s.ppid() == self);
            assertThat(table.childrenOf(sleeper.pid())).isEmpty();
            assertThat(table.childPids(self)).containsExactlyInAnyOrderElementsOf(
                    table.all().stream().filter(s -> s.ppid() == self).map(ProcessTable.Stat::pid).toList());
        } finally {
            sleeper.destroyForcibly();
            assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(table.childrenOf(self)).extracting(ProcessTable.Stat::pid).doesNotContain(sleeper.pid());
    }
}
