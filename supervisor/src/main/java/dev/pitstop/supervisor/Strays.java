package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Finds the processes of this supervisor run that left their process group (a grandchild that called
 * {@code setsid}, a daemon that forked away): they still carry the run's marker in their environment
 * ({@link RunMarker#RUN_ID}), so a stop reaches them although a signal to the group does not.
 */
final class Strays {
    private final ProcessTable proc;
    private final String runId;
    private final long self = ProcessHandle.current().pid();
    private final boolean subreaper;
    private final LongPredicate launched;

    /**
     * @param subreaper whether this JVM is a child subreaper: then every process of the run is a descendant of it
     *                  (what loses its parent is re-parented to us), and only our subtree is read instead of every
     *                  process on the machine, which was most of a reload's time in the stop sequence
     * @param launched  whether a PID is a child we started and that still runs (a run's leader or a helper)
     */
    Strays(ProcessTable proc, String runId, boolean subreaper, LongPredicate launched) {
        this.proc = proc;
        this.runId = runId;
        this.subreaper = subreaper;
        this.launched = launched;
    }

    /**
     * Living processes of this run that belong to {@code name} (any name, helpers included, when null) and are
     * outside {@code groups} (those are stopped as groups already). A probe or shutdown command of {@code name} is
     * not one of its strays: it has its own deadline.
     */
    List<ProcessTable.Stat> of(String name, Set<Long> groups) {
        return of(name, groups, subreaper ? proc.childPids(self) : List.of());
    }

    /** As {@link #of(String, Set)}, with our children as just read by the caller. */
    List<ProcessTable.Stat> of(String name, Set<Long> groups, List<Long> ourChildren) {
        List<ProcessTable.Stat> found = new ArrayList<>();
        for (ProcessTable.Stat s : subreaper ? descendants(name, groups, ourChildren) : proc.all()) {
            if (s.dead() || s.pid() == self || groups.contains(s.pgrp())) {
                continue;
            }
            Map<String, String> env = proc.environ(s.pid());
            boolean mine = name == null
                    || name.equals(env.get(RunMarker.PROCESS_NAME)) && !env.containsKey(RunMarker.HELPER);
            if (runId.equals(env.get(RunMarker.RUN_ID)) && mine) {
                found.add(s);
            }
        }
        return found;
    }

    /**
     * Our subtree. For one name, the trees under the other children we started are left out: a process only ever
     * moves to a new parent by re-parenting, which brings it to us, so another run's tree holds none of
     * {@code name}'s processes, and a helper's tree holds only helpers. A reload with 500 other processes running
     * then reads no process of theirs.
     */
    private List<ProcessTable.Stat> descendants(String name, Set<Long> groups, List<Long> ourChildren) {
        List<ProcessTable.Stat> found = new ArrayList<>();
        Deque<Long> parents = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>(); // a PID reused while we walk must not loop
        for (long pid : ourChildren) {
            if (name != null && launched.test(pid) && !groups.contains(pid)) {
                continue;
            }
            proc.stat(pid).filter(s -> s.ppid() == self && seen.add(pid)).ifPresent(s -> {
                found.add(s);
                parents.add(pid);
            });
        }
        while (!parents.isEmpty()) {
            for (ProcessTable.Stat child : proc.childrenOf(parents.poll())) {
                if (seen.add(child.pid())) {
                    found.add(child);
                    parents.add(child.pid());
                }
            }
        }
        return found;
    }
}
