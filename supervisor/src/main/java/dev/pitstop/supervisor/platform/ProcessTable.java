package dev.pitstop.supervisor.platform;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the supervisor learns about processes that are not (or no longer) its own children. */
public interface ProcessTable {
    /**
     * One process.
     *
     * @param startTicks when the process started, in this table's unit (see {@link #sameStart}): with the PID, it
     *                   names one process even after the PID was reused
     */
    record Stat(long pid, char state, long ppid, long pgrp, long session, long startTicks) {
        public boolean dead() {
            return state == 'Z' || state == 'X';
        }
    }

    /** Every process we may read, zombies included. */
    List<Stat> all();

    Optional<Stat> stat(long pid);

    /** The children of {@code pid}, zombies included; a table that can, reads them without reading every process. */
    default List<Stat> childrenOf(long pid) {
        return all().stream().filter(s -> s.ppid() == pid).toList(); // one read of the table (ps is one run)
    }

    /** The PIDs of {@link #childrenOf}: enough to skip the children one knows without reading their stat. */
    default List<Long> childPids(long pid) {
        return all().stream().filter(s -> s.ppid() == pid).map(Stat::pid).toList();
    }

    /** The process's environment as it was at exec; empty when it is gone, a zombie, or not ours to read. */
    Map<String, String> environ(long pid);

    /** The command line with arguments separated by spaces, or empty when it is gone (or a zombie). */
    String commandLine(long pid);

    /** A path that opens the file the process executes, or empty when this table cannot tell. */
    Optional<Path> executable(long pid);

    /** The start times of those of {@code pids} that are alive. */
    default Map<Long, Long> startTimes(Collection<Long> pids) {
        Map<Long, Long> starts = new HashMap<>();
        for (long pid : pids) {
            stat(pid).ifPresent(s -> starts.put(pid, s.startTicks()));
        }
        return starts;
    }

    /** Whether two start times read from this table name the same start (a table may be coarse). */
    default boolean sameStart(long a, long b) {
        return a == b;
    }

    /**
     * Process group ids of every living process on the machine. Zombies are left out: they are dead, and an orphan's
     * zombie belongs to init, which may take a while to reap it.
     */
    default Set<Long> liveGroups() {
        Set<Long> groups = new HashSet<>();
        for (Stat s : all()) {
            if (!s.dead()) {
                groups.add(s.pgrp());
            }
        }
        return groups;
    }
}
