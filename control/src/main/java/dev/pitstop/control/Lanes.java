package dev.pitstop.control;

import dev.pitstop.core.io.NamedThreads;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The two lanes of the control server. Readers parse every request and answer the quick reads themselves; the
 * work lane runs what can take long (reloads, installs, follow streams, anything that hashes or polls). Without
 * the split, twenty reloads in flight held every thread and {@code ps} was answered 503 (issue 9).
 */
final class Lanes {
    /** Requests being read or quick reads answered at once. */
    static final int READERS = 16;
    /**
     * Connections waiting for a reader. Reading is quick, so a burst of clients waits here instead of being
     * refused; only a flood beyond this is answered 503.
     */
    static final int WAITING = 256;
    /** Operations and follow streams in flight at once; one more is answered 503, none is queued. */
    static final int WORK = 64;

    /** GET routes that are not quick: they reach the network or hash every binary. */
    private static final Set<String> SLOW_READS = Set.of("/v1/poll", "/v1/verify", "/v1/outdated");

    private final ThreadPoolExecutor readers = pool(READERS, READERS, new ArrayBlockingQueue<>(WAITING),
            "pitstop-control");
    /**
     * No core threads: with a hand-off queue an idle thread takes the next operation, where a core size would start
     * a new thread for each of the first 64 (a reload paid for one, and 64 idle threads stayed for 30 s).
     */
    private final ThreadPoolExecutor work = pool(0, WORK, new SynchronousQueue<>(), "pitstop-control-work");

    private static ThreadPoolExecutor pool(int core, int max, BlockingQueue<Runnable> queue, String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(core, max, 30, TimeUnit.SECONDS, queue,
                new NamedThreads(name));
        if (core > 0) {
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    boolean isWork(HttpRequest request) {
        return !request.method().equals("GET") || request.flag("follow") || SLOW_READS.contains(request.path());
    }

    ThreadPoolExecutor readers() {
        return readers;
    }

    ThreadPoolExecutor work() {
        return work;
    }

    String busy() {
        return "the stack is busy: " + WORK + " operations and follow streams are in flight (each logs -f or "
                + "events -f holds one); wait for one to end and try again";
    }

    static String readersBusy() {
        return "the stack is busy: " + (READERS + WAITING) + " control connections are waiting to be read; "
                + "try again";
    }
}
