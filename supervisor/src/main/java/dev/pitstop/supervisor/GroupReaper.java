package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Completes a future once a process group has no member left. First {@code kill(-pgid, 0)}: one system call, and
 * when it finds no member the group is empty (the usual case once its leader was reaped). A group that still
 * answers may hold only zombies (orphans not reaped yet), which the process table tells apart: one shared scan per
 * tick serves every such waiter, so stopping 500 processes at once costs one scan, not 500; nothing is scanned
 * while no one waits.
 */
final class GroupReaper {
    private static final long TICK_MILLIS = 20;

    private record Waiter(long pgid, long deadlineNanos, CompletableFuture<Boolean> done) {}

    private final ProcessTable proc;
    private final Signals signals;
    private final ScheduledExecutorService scheduler;
    private final List<Waiter> waiters = new ArrayList<>();
    private boolean scanning;

    GroupReaper(ProcessTable proc, Signals signals, ScheduledExecutorService scheduler) {
        this.proc = proc;
        this.signals = signals;
        this.scheduler = scheduler;
    }

    /** @return completes with true when the group is empty, false when {@code max} passed first */
    synchronized CompletableFuture<Boolean> awaitEmpty(long pgid, Duration max) {
        if (!signals.toGroup(pgid, 0)) {
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        waiters.add(new Waiter(pgid, System.nanoTime() + max.toNanos(), done));
        if (!scanning) {
            scanning = true;
            scheduler.execute(this::scan);
        }
        return done;
    }

    private void scan() {
        List<Waiter> checked;
        synchronized (this) {
            checked = new ArrayList<>(waiters);
        }
        List<Waiter> answering = checked.stream().filter(w -> signals.toGroup(w.pgid(), 0)).toList();
        Set<Long> live = answering.isEmpty() ? Set.of() : proc.liveGroups();
        long now = System.nanoTime();
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            waiters.removeIf(w -> {
                if (!checked.contains(w)) {
                    return false; // came after the check: the next tick looks at it
                }
                if (!answering.contains(w) || !live.contains(w.pgid())) {
                    completions.add(() -> w.done().complete(true));
                    return true;
                }
                if (now - w.deadlineNanos() > 0) {
                    completions.add(() -> w.done().complete(false));
                    return true;
                }
                return false;
            });
            scanning = !waiters.isEmpty();
            if (scanning) {
                scheduler.schedule(this::scan, TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        completions.forEach(Runnable::run);
    }
}
