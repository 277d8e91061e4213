package dev.pitstop.core.engine;

import dev.pitstop.core.PitstopException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Callers that ask for the same thing (a reload of one process) while an attempt is under way share that
 * attempt and its outcome instead of queueing one attempt each: twenty reloads of one process are one reload.
 */
final class SharedAttempts<V> {
    private final ConcurrentHashMap<String, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    V run(String key, Supplier<V> attempt) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running == null) {
            try {
                mine.complete(attempt.get());
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                inFlight.remove(key, mine);
            }
            running = mine;
        }
        return join(key, running);
    }

    private static <V> V join(String key, CompletableFuture<V> result) {
        try {
            return result.get(OperationLocks.WAIT.toMinutes(), TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new PitstopException(key + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while waiting for " + key, e);
        } catch (TimeoutException e) {
            throw new PitstopException(key + " did not finish within " + OperationLocks.WAIT.toMinutes() + " minutes", e);
        }
    }
}
