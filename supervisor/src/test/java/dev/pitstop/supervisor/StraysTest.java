package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.pitstop.supervisor.platform.ProcessTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which processes the stray scan reads, on a fake process table: our subtree, without the trees of the other runs
 * and helpers we started (a reload among 500 running processes reads none of theirs).
 */
class StraysTest {
    private static final long SELF = ProcessHandle.current().pid();
    private static final String RUN = "run-1";
    private static final long A_LEADER = 100, A_ESCAPED = 101, B_LEADER = 200, B_CHILD = 201, ORPHAN = 300;

    private final ProcessTable proc = mock(ProcessTable.class);
    private final Set<Long> launched = Set.of(A_LEADER, B_LEADER);

    private static ProcessTable.Stat stat(long pid, long ppid, long pgrp) {
        return new ProcessTable.Stat(pid, 'S', ppid, pgrp, pgrp, 1);
    }

    private static Map<String, String> env(String name) {
        return Map.of(RunMarker.RUN_ID, RUN, RunMarker.PROCESS_NAME, name);
    }

    @BeforeEach
    void table() {
        when(proc.childPids(SELF)).thenReturn(List.of(A_LEADER, B_LEADER, ORPHAN));
        when(proc.stat(A_LEADER)).thenReturn(Optional.of(stat(A_LEADER, SELF, A_LEADER)));
        when(proc.stat(B_LEADER)).thenReturn(Optional.of(stat(B_LEADER, SELF, B_LEADER)));
        when(proc.stat(ORPHAN)).thenReturn(Optional.of(stat(ORPHAN, SELF, ORPHAN)));
        when(proc.childrenOf(A_LEADER)).thenReturn(List.of(stat(A_ESCAPED, A_LEADER, A_ESCAPED))); // called setsid
        when(proc.childrenOf(B_LEADER)).thenReturn(List.of(stat(B_CHILD, B_LEADER, B_CHILD)));
        when(proc.childrenOf(A_ESCAPED)).thenReturn(List.of());
        when(proc.childrenOf(B_CHILD)).thenReturn(List.of());
        when(proc.childrenOf(ORPHAN)).thenReturn(List.of());
        when(proc.environ(A_LEADER)).thenReturn(env("a"));
        when(proc.environ(A_ESCAPED)).thenReturn(env("a"));
        when(proc.environ(ORPHAN)).thenReturn(env("a"));
        when(proc.environ(B_LEADER)).thenReturn(env("b"));
        when(proc.environ(B_CHILD)).thenReturn(env("b"));
    }

    @Test
    void theStraysOfOneProcessAreFoundWithoutReadingTheOtherRunsTrees() {
        Strays strays = new Strays(proc, RUN, true, launched::contains);

        List<ProcessTable.Stat> found = strays.of("a", Set.of(A_LEADER));

        assertThat(found).extracting(ProcessTable.Stat::pid).containsExactlyInAnyOrder(A_ESCAPED, ORPHAN);
        verify(proc, never()).childrenOf(B_LEADER);
        verify(proc, never()).environ(B_LEADER);
        verify(proc, never()).all();
    }

    @Test
    void everyNameReadsTheWholeSubtree() {
        Strays strays = new Strays(proc, RUN, true, launched::contains);

        List<ProcessTable.Stat> found = strays.of(null, Set.of());

        assertThat(found).extracting(ProcessTable.Stat::pid)
                .containsExactlyInAnyOrder(A_LEADER, A_ESCAPED, B_LEADER, B_CHILD, ORPHAN);
    }

    @Test
    void withoutTheSubreaperFlagEveryProcessIsRead() {
        when(proc.all()).thenReturn(List.of(stat(A_ESCAPED, 1, A_ESCAPED), stat(B_CHILD, 1, B_CHILD)));
        Strays strays = new Strays(proc, RUN, false, launched::contains);

        assertThat(strays.of("a", Set.of(A_LEADER))).extracting(ProcessTable.Stat::pid).containsExactly(A_ESCAPED);
        verify(proc, never()).childrenOf(anyLong());
    }
}
