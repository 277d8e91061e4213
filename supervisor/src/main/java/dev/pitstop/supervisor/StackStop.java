package dev.pitstop.supervisor;

import dev.pitstop.core.PitstopException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes within their deadlines: a whole stack ({@code down}), some of them ({@code apply}), or one. */
final class StackStop {
    private StackStop() {}

    /**
     * Stops every process, in reverse dependency order when {@code ordered}, then whatever of the run is still alive
     * (helpers, strays of removed processes), and flushes every log.
     */
    static void all(List<ManagedProcess> all, boolean ordered, SupervisorServices sv) {
        CompletableFuture<Void> done = ordered ? new ShutdownOrder(all).stopAll()
                : CompletableFuture.allOf(all.stream().map(p -> p.stop(true)).toArray(CompletableFuture[]::new));
        long bound = StopDeadline.boundOfAll(all.stream().map(ManagedProcess::stopDeadline).toList(), ordered)
                .toMillis();
        try {
            await(done, bound, "the stack");
            await(sv.stopper.stopStrays(sv.strays.of(null, Set.of()), Signals.SIGKILL, Duration.ZERO)
                    .thenApply(empty -> null), StopDeadline.MARGIN.toMillis(), "leftover processes");
        } finally {
            all.forEach(p -> p.log().flush());
        }
    }

    /** Stops some processes at once, all within the longest of their deadlines. */
    static void some(List<ManagedProcess> processes, String what) {
        CompletableFuture<?>[] stops = processes.stream().map(p -> p.stop(true)).toArray(CompletableFuture[]::new);
        long bound = StopDeadline.boundOfAll(processes.stream().map(ManagedProcess::stopDeadline).toList(), false)
                .toMillis();
        await(CompletableFuture.allOf(stops), bound, what);
    }

    static void one(ManagedProcess mp) {
        await(mp.stop(true), mp.stopDeadline().bound().toMillis(), mp.name());
    }

    private static void await(CompletableFuture<?> f, long millis, String what) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while stopping " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PitstopException("stopping " + what + " did not finish within " + millis + " ms", e);
        }
    }
}
