package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * @param subreaper whether this JVM is a child subreaper: then every process of the run is a descendant of it
     *                  (what loses its parent is re-parented to us), and only our subtree is read instead of every
     *                  process on the machine, which was most of a reload's time in the stop sequence
     */
    Strays(ProcessTable proc, String runId, boolean subreaper) {
        this.proc = proc;
        this.runId = runId;
        this.subreaper = subreaper;
    }

    /**
     * Living processes of this run that belong to {@code name} (any name, helpers included, when null) and are
     * outside {@code groups} (those are stopped as groups already). A probe or shutdown command of {@code name} is
     * not one of its strays: it has its own deadline.
     */
    List<ProcessTable.Stat> of(String name, Set<Long> groups) {
        List<ProcessTable.Stat> found = new ArrayList<>();
        for (ProcessTable.Stat s : subreaper ? descendants() : proc.all()) {
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

    private List<ProcessTable.Stat> descendants() {
        List<ProcessTable.Stat> found = new ArrayList<>();
        Deque<Long> parents = new ArrayDeque<>(List.of(self));
        Set<Long> seen = new HashSet<>(); // a PID reused while we walk must not loop
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
