package dev.pitstop.supervisor;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with names and small stacks. */
final class NamedThreads implements ThreadFactory {
    /** Timers and workers only run short callbacks; 256 KiB is plenty. */
    static final long STACK_SIZE = 256 * 1024;

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        return named(prefix + "-" + counter.incrementAndGet(), task);
    }

    static Thread named(String name, Runnable task) {
        Thread thread = new Thread(null, task, name, STACK_SIZE);
        thread.setDaemon(true);
        return thread;
    }
}
