package dev.pitstop.core.engine;

import dev.pitstop.core.PitstopException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per binary and one per process, so that operations on different binaries and processes run in
 * parallel while two swaps never interleave the link switches of one binary or the restarts of one process.
 * Locks are always taken in one global order (sorted keys), so two operations cannot wait for each other.
 */
final class OperationLocks {
    /** Far above any swap (stop grace + readiness timeout per process); only a wedged operation reaches it. */
    static final Duration WAIT = Duration.ofMinutes(10);

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Runs {@code action} holding the lock of {@code binary} and of each of {@code processes}. */
    <T> T withBinary(String binary, List<String> processes, Supplier<T> action) {
        TreeSet<String> keys = new TreeSet<>();
        keys.add("binary:" + binary);
        processes.forEach(p -> keys.add("process:" + p));
        return with(keys, action);
    }

    /** Runs {@code action} holding the lock of {@code process}. */
    <T> T withProcess(String process, Supplier<T> action) {
        return with(new TreeSet<>(List.of("process:" + process)), action);
    }

    private <T> T with(TreeSet<String> keys, Supplier<T> action) {
        Deque<ReentrantLock> held = new ArrayDeque<>();
        try {
            for (String key : keys) {
                ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
                if (!lock.tryLock(WAIT.toMinutes(), TimeUnit.MINUTES)) {
                    throw new PitstopException(key.replace(':', ' ') + " is still busy with another operation after "
                            + WAIT.toMinutes() + " minutes; try again later");
                }
                held.push(lock);
            }
            return action.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while waiting for " + String.join(", ", keys), e);
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }
}
