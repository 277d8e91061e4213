package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a stack run that reads every pipe and collects every exit. A readable pipe is read once per
 * wake-up into one fixed buffer and handed to its sink synchronously: memory stays bounded whatever the children
 * write, and a sink that is slow leaves its pipe full, which blocks its writer. An exit drains the child's pipe of
 * what it wrote before its exit future completes, so the last lines are logged before the run is marked ended.
 */
final class NativeLoop implements IoLoop, Poller.Events, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLoop.class);
    static final int BUFFER = 64 * 1024;

    private final PosixLib c;
    private final Abi abi;
    private final Poller poller;
    private final Executor completions;
    private final Map<Integer, OutputSink> sinks = new ConcurrentHashMap<>();
    private final Map<Long, NativeChild> children = new ConcurrentHashMap<>();
    private final Queue<Integer> dropped = new ConcurrentLinkedQueue<>();
    private final Memory buffer = new Memory(BUFFER);
    private final byte[] bytes = new byte[BUFFER];
    private final Thread thread;
    private volatile boolean closed;

    /** @param completions where exit futures complete, so that their callbacks never run on the loop's thread */
    NativeLoop(PosixLib c, Abi abi, Poller poller, Executor completions, String name) {
        this.c = c;
        this.abi = abi;
        this.poller = poller;
        this.completions = completions;
        this.thread = new Thread(null, this, name, 256 * 1024);
        thread.setDaemon(true);
    }

    NativeLoop start() {
        thread.start();
        return this;
    }

    @Override
    public void register(int fd, OutputSink sink) {
        int flags = c.fcntl(fd, Abi.F_GETFL);
        c.fcntl(fd, Abi.F_SETFL, flags | abi.oNonBlock());
        sinks.put(fd, sink);
        poller.watchRead(fd);
    }

    @Override
    public void unregister(int fd) {
        dropped.add(fd);
        poller.wake();
    }

    /** Collects the exit of {@code pid}; {@code outputFd} (or -1) is drained before its future completes. */
    NativeChild adopt(long pid, int outputFd) {
        NativeChild child = new NativeChild(pid, outputFd);
        children.put(pid, child);
        try {
            poller.watchExit(pid);
        } catch (IllegalStateException e) {
            children.remove(pid, child);
            throw e;
        }
        return child;
    }

    void activity() {
        poller.activity();
    }

    @Override
    public void run() {
        while (!closed) {
            try {
                poller.await(Poller.FOREVER, this); // closing and dropped pipes wake it
                for (Integer fd; (fd = dropped.poll()) != null; ) {
                    end(fd);
                }
            } catch (RuntimeException e) {
                LOG.error("the process I/O loop failed once; it goes on", e);
            }
        }
    }

    @Override
    public void readable(int fd) {
        OutputSink sink = sinks.get(fd);
        if (sink == null) {
            return;
        }
        long n = c.read(fd, buffer, BUFFER);
        if (n > 0) {
            deliver(sink, (int) n);
        } else if (n == 0 || com.sun.jna.Native.getLastError() != abi.eAgain()
                && com.sun.jna.Native.getLastError() != Abi.EINTR) {
            end(fd);
            poller.activity(); // a closed output usually means its writer exited
        }
    }

    private void deliver(OutputSink sink, int n) {
        buffer.read(0, bytes, 0, n);
        try {
            sink.accept(bytes, n);
            if (n < BUFFER) {
                sink.drained();
            }
        } catch (RuntimeException e) {
            LOG.warn("an output sink failed", e);
        }
    }

    private void end(int fd) {
        OutputSink sink = sinks.remove(fd);
        if (sink == null) {
            return;
        }
        poller.unwatchRead(fd);
        c.close(fd);
        try {
            sink.end();
        } catch (RuntimeException e) {
            LOG.warn("an output sink failed at its end", e);
        }
    }

    @Override
    public void exited(long pid, int code) {
        NativeChild child = children.remove(pid);
        if (child == null) {
            return;
        }
        OutputSink sink = child.outputFd < 0 ? null : sinks.get(child.outputFd);
        if (sink != null) {
            // what it wrote before it exited is in the pipe now; a grandchild may keep writing, read on later
            for (long n; (n = c.read(child.outputFd, buffer, BUFFER)) > 0; ) {
                deliver(sink, (int) n);
            }
        }
        try {
            completions.execute(() -> child.exit.complete(code));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            child.exit.complete(code); // the stack run is closing: no callback is heavy any more
        }
    }

    /**
     * A child whose exit came after the loop's last turn (a helper killed by {@code down()}: its group counts as
     * empty once it is a zombie) is reaped now; one still running is left to the JDK's watcher, which reaps it when
     * it exits, so no zombie outlives the stack run.
     */
    private void reapAfterClose(NativeChild child) {
        int code = Abi.reap(c, child.pid());
        if (code != Abi.RUNNING) {
            child.exit.complete(code);
            return;
        }
        ProcessHandle.of(child.pid()).ifPresentOrElse(
                h -> h.onExit().thenRun(() -> child.exit.complete(Abi.reap(c, child.pid()))),
                () -> child.exit.complete(-1));
    }

    void close() {
        closed = true;
        poller.wake();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.values().forEach(this::reapAfterClose);
        children.clear();
        sinks.keySet().forEach(this::end);
        poller.close();
    }
}
