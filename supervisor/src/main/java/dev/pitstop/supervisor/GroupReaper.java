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
 * Completes a future once a process group has no member left. One shared scan of {@code /proc} per tick serves
 * every waiter, so stopping 500 processes at once costs one scan, not 500; nothing is scanned while no one waits.
 */
final class GroupReaper {
    private static final long TICK_MILLIS = 20;

    private record Waiter(long pgid, long deadlineNanos, CompletableFuture<Boolean> done) {}

    private final ProcessTable proc;
    private final ScheduledExecutorService scheduler;
    private final List<Waiter> waiters = new ArrayList<>();
    private boolean scanning;

    GroupReaper(ProcessTable proc, ScheduledExecutorService scheduler) {
        this.proc = proc;
        this.scheduler = scheduler;
    }

    /** @return completes with true when the group is empty, false when {@code max} passed first */
    synchronized CompletableFuture<Boolean> awaitEmpty(long pgid, Duration max) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        waiters.add(new Waiter(pgid, System.nanoTime() + max.toNanos(), done));
        if (!scanning) {
            scanning = true;
            scheduler.execute(this::scan);
        }
        return done;
    }

    private void scan() {
        Set<Long> live = proc.liveGroups();
        long now = System.nanoTime();
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            waiters.removeIf(w -> {
                if (!live.contains(w.pgid())) {
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
