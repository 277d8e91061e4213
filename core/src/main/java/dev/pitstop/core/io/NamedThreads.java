package dev.pitstop.core.io;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code prefix-N}, so a thread dump tells what each one serves, and none holds the JVM.
 * A stack size may be given: a supervisor of 500 processes runs 500 pumps that only read a pipe.
 */
public final class NamedThreads implements ThreadFactory {
    private final String prefix;
    private final long stackSize;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreads(String prefix) {
        this(prefix, 0);
    }

    /** @param stackSize in bytes, or 0 for the JVM's default */
    public NamedThreads(String prefix, long stackSize) {
        this.prefix = prefix;
        this.stackSize = stackSize;
    }

    @Override
    public Thread newThread(Runnable task) {
        return named(prefix + "-" + counter.incrementAndGet(), task, stackSize);
    }

    /** One daemon thread, not started. */
    public static Thread named(String name, Runnable task, long stackSize) {
        Thread thread = new Thread(null, task, name, stackSize);
        thread.setDaemon(true);
        return thread;
    }
}
