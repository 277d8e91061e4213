package dev.pitstop.supervisor;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that waits in {@code poll} on every notification descriptor of a stack run (sd_notify sockets,
 * notification pipes) and calls each one's reader when it has data; whatever the number of processes, one thread.
 * Descriptors are closed on this thread, after they left the poll set, so a number reused by another
 * {@code open} is never read by mistake. Started on the first {@link #add}.
 */
final class NotifyLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyLoop.class);
    private static final int POLLFD_BYTES = 8;

    /** Reads what arrived on a descriptor; runs on the loop's thread and must not block. */
    interface Reader {
        void readable(int fd);
    }

    private final NotifyLibC libc;
    private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
    private final Queue<Integer> toClose = new ConcurrentLinkedQueue<>();
    private final int[] wakeup = new int[2];
    private Thread thread;
    private volatile boolean closed;

    NotifyLoop(NotifyLibC libc) {
        this.libc = libc;
    }

    /** Watches {@code fd} (non-blocking) until {@link #remove}; the loop owns it from now on and closes it. */
    synchronized void add(int fd, Reader reader) {
        if (closed) {
            libc.close(fd);
            throw new IllegalStateException("the notification loop is closed");
        }
        if (thread == null) {
            libc.pipe2(wakeup, NotifyLibC.O_NONBLOCK | NotifyLibC.O_CLOEXEC);
            thread = NamedThreads.named("pitstop-notify", this::run);
            thread.start();
        }
        readers.put(fd, reader);
        wake();
    }

    /** Stops watching {@code fd} and closes it (on the loop's thread). */
    void remove(int fd) {
        if (readers.remove(fd) != null) {
            toClose.add(fd);
            wake();
        }
    }

    /** Stops watching {@code fd}, closes it and deletes the socket or FIFO it was opened from. */
    void remove(int fd, Path file) {
        remove(fd);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}; the next run of the stack replaces it", file, e);
        }
    }

    private void wake() {
        if (thread != null) {
            try {
                libc.write(wakeup[1], new byte[] {1}, 1);
            } catch (LastErrorException e) {
                // EAGAIN: the pipe is full of wake-ups already
            }
        }
    }

    private void run() {
        Memory set = new Memory(POLLFD_BYTES * 16L);
        while (!closed) {
            closeRemoved();
            List<Integer> fds = new ArrayList<>(readers.keySet());
            fds.add(0, wakeup[0]);
            if (set.size() < (long) POLLFD_BYTES * fds.size()) {
                set = new Memory((long) POLLFD_BYTES * fds.size() * 2);
            }
            for (int i = 0; i < fds.size(); i++) {
                set.setInt((long) i * POLLFD_BYTES, fds.get(i));
                set.setShort((long) i * POLLFD_BYTES + 4, NotifyLibC.POLLIN);
                set.setShort((long) i * POLLFD_BYTES + 6, (short) 0);
            }
            try {
                libc.poll(set, fds.size(), -1);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != NotifyLibC.EINTR) {
                    LOG.warn("poll on the notification descriptors failed; notifications stop", e);
                    return;
                }
                continue;
            }
            for (int i = 0; i < fds.size(); i++) {
                if (set.getShort((long) i * POLLFD_BYTES + 6) != 0) {
                    dispatch(fds.get(i));
                }
            }
        }
        closeRemoved();
    }

    private void dispatch(int fd) {
        if (fd == wakeup[0]) {
            drainWakeups();
            return;
        }
        Reader reader = readers.get(fd);
        if (reader == null) {
            return; // removed meanwhile: closed on the next round
        }
        try {
            reader.readable(fd);
        } catch (RuntimeException e) {
            LOG.warn("reading notification descriptor {} failed; it is no longer watched", fd, e);
            remove(fd);
        }
    }

    private void drainWakeups() {
        try (Memory buf = new Memory(64)) {
            while (libc.read(wakeup[0], buf, 64) > 0) {
                // until EAGAIN
            }
        } catch (LastErrorException e) {
            // drained
        }
    }

    private void closeRemoved() {
        for (Integer fd = toClose.poll(); fd != null; fd = toClose.poll()) {
            try {
                libc.close(fd);
            } catch (LastErrorException e) {
                LOG.debug("closing notification descriptor {} failed", fd, e);
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
            readers.keySet().forEach(toClose::add);
            readers.clear();
            wake();
        }
        if (t == null) {
            return;
        }
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!t.isAlive()) {
            closeRemoved();
            libc.close(wakeup[0]);
            libc.close(wakeup[1]);
        }
    }
}
