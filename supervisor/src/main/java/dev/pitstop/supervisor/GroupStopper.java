package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessTable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stops whole process groups that are not (or no longer) a run's: a signal, a bounded wait, SIGKILL, another
 * bounded wait; then reaps the processes among them that were re-parented to this JVM. Blocks no thread.
 */
final class GroupStopper {
    private final ProcessTable proc;
    private final Signals signals;
    private final GroupReaper groups;
    private final OrphanReaper orphans;
    private final long self = ProcessHandle.current().pid();

    GroupStopper(ProcessTable proc, Signals signals, GroupReaper groups, OrphanReaper orphans) {
        this.proc = proc;
        this.signals = signals;
        this.groups = groups;
        this.orphans = orphans;
    }

    /**
     * @param signal 0 to skip the polite step (the caller already asked, e.g. through a shutdown command)
     * @param members the processes found in those groups: reaped once dead if they are our children
     * @return completes with whether every group is empty
     */
    CompletableFuture<Boolean> stop(Collection<Long> pgids, int signal, Duration grace, Collection<Long> members) {
        List<Long> targets = pgids.stream().distinct().filter(this::mayKill).toList();
        if (signal > 0) {
            targets.forEach(g -> signals.toGroup(g, signal));
        }
        return awaitEmpty(targets, grace).thenCompose(empty -> {
            if (empty) {
                return CompletableFuture.completedFuture(true);
            }
            targets.forEach(g -> signals.toGroup(g, Signals.SIGKILL));
            return awaitEmpty(targets, StopDeadline.AFTER_KILL);
        }).thenApply(empty -> {
            members.forEach(this::reapIfOurs);
            orphans.sweep();
            return empty;
        });
    }

    /**
     * Stops the groups of processes that left their run's group ({@link Strays}): each is watched (reaped once it
     * exits, if it is ours), then its group gets {@code signal}, {@code grace}, SIGKILL.
     */
    CompletableFuture<Boolean> stopStrays(List<ProcessTable.Stat> strays, int signal, Duration grace) {
        strays.forEach(orphans::watch);
        return stop(strays.stream().map(ProcessTable.Stat::pgrp).toList(), signal, grace,
                strays.stream().map(ProcessTable.Stat::pid).toList());
    }

    /** Reaps {@code pid} if it is a dead child of ours that the JDK did not start (an orphan it never waits for). */
    void reapIfOurs(long pid) {
        proc.stat(pid).filter(s -> s.dead() && s.ppid() == self).ifPresent(s -> signals.reap(pid));
    }

    private boolean mayKill(long pgid) {
        // never our own group (an embedding program may have put us in a shell's job) nor init's
        return pgid > 1 && proc.stat(self).map(s -> s.pgrp() != pgid).orElse(true);
    }

    private CompletableFuture<Boolean> awaitEmpty(List<Long> targets, Duration max) {
        List<CompletableFuture<Boolean>> waits = targets.stream().map(g -> groups.awaitEmpty(g, max)).toList();
        return CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                .thenApply(x -> waits.stream().allMatch(CompletableFuture::join));
    }
}
