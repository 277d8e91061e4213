package dev.pitstop.manifest;

import dev.pitstop.core.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on lock files, between threads of this JVM and between processes, with a deadline.
 * An OS file lock is held per JVM, not per thread, so threads first queue on a lock of their own;
 * {@link FileChannel#lock()} cannot time out, so the OS lock is polled with {@code tryLock}.
 */
final class FileLocks {
    private static final long POLL_MILLIS = 5;

    private final ConcurrentHashMap<Path, ReentrantLock> local = new ConcurrentHashMap<>();
    private final Duration timeout;

    FileLocks(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Work done while holding a lock. */
    @FunctionalInterface
    interface LockedAction<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding the lock of {@code lockFile} (created if absent), then releases it. */
    <T> T withLock(Path lockFile, LockedAction<T> action) throws IOException {
        Runnable release = acquire(lockFile);
        try {
            return action.run();
        } finally {
            release.run();
        }
    }

    private Runnable acquire(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threads = local.computeIfAbsent(key, k -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!threads.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(key, "interrupted while waiting for the lock", e);
        }
        if (threads.getHoldCount() > 1) {
            threads.unlock();
            throw new IllegalStateException(key + " is already locked by this thread: a change must not nest"
                    + " another change of the same file");
        }
        try {
            FileLock os = lockOs(key, deadline);
            return () -> release(key, os, threads);
        } catch (RuntimeException e) {
            threads.unlock();
            throw e;
        }
    }

    private FileLock lockOs(Path key, long deadline) {
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return lock;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw timedOut(key);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw new StoreException(key, "interrupted while waiting for the lock", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(key, "cannot lock", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another FileLocks instance in this JVM holds it: wait like for another process
        }
    }

    private static void release(Path key, FileLock lock, ReentrantLock threads) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            throw new StoreException(key, "cannot release the lock", e);
        } finally {
            threads.unlock();
        }
    }

    private StoreException timedOut(Path key) {
        return new StoreException(key, "still locked by another Pitstop after " + timeout.toSeconds()
                + " s; if none is running, delete this lock file", null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
