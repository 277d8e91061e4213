package dev.pitstop.supervisor.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * macOS: one kqueue holds every pipe ({@code EVFILT_READ}) and every child ({@code EVFILT_PROC} with
 * {@code NOTE_EXIT}, one-shot); an exit is reaped with {@code waitpid} on that one PID. A child that exited before it
 * could be registered ({@code ESRCH}) is reaped on the next wake-up.
 */
final class KqueuePoller implements Poller {
    private static final int MAX_EVENTS = 256;

    private final DarwinLib c;
    private final int kq;
    private final WakePipe wake;
    private final Memory events = new Memory((long) MAX_EVENTS * DarwinLib.KEVENT_SIZE);
    private final Memory timeout = new Memory(16);
    private final Queue<Long> exitedEarly = new ConcurrentLinkedQueue<>();

    KqueuePoller(DarwinLib c, Abi abi) {
        this.c = c;
        this.kq = c.kqueue();
        if (kq < 0) {
            throw new IllegalStateException("cannot create a kqueue: errno " + Native.getLastError());
        }
        this.wake = WakePipe.open(c, abi);
        change(wake.readFd(), DarwinLib.EVFILT_READ, DarwinLib.EV_ADD, 0);
    }

    /** Applies one change at once; returns 0 or the errno. */
    private int change(long ident, short filter, short flags, int fflags) {
        Memory kev = new Memory(DarwinLib.KEVENT_SIZE);
        kev.clear();
        kev.setLong(0, ident);
        kev.setShort(8, filter);
        kev.setShort(10, flags);
        kev.setInt(12, fflags);
        try {
            c.kevent(kq, kev, 1, null, 0, null);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        }
    }

    @Override
    public void watchRead(int fd) {
        int error = change(fd, DarwinLib.EVFILT_READ, DarwinLib.EV_ADD, 0);
        if (error != 0) {
            throw new IllegalStateException("kevent EVFILT_READ " + fd + ": errno " + error);
        }
    }

    @Override
    public void unwatchRead(int fd) {
        change(fd, DarwinLib.EVFILT_READ, DarwinLib.EV_DELETE, 0);
    }

    @Override
    public void watchExit(long pid) {
        int error = change(pid, DarwinLib.EVFILT_PROC, (short) (DarwinLib.EV_ADD | DarwinLib.EV_ONESHOT),
                DarwinLib.NOTE_EXIT);
        if (error == DarwinLib.ESRCH) {
            exitedEarly.add(pid);
            wake();
        } else if (error != 0) {
            throw new IllegalStateException("kevent EVFILT_PROC " + pid + ": errno " + error);
        }
    }

    @Override
    public void await(int timeoutMillis, Events sink) {
        timeout.setLong(0, timeoutMillis / 1000);
        timeout.setLong(8, (timeoutMillis % 1000) * 1_000_000L);
        int n;
        try {
            n = c.kevent(kq, null, 0, events, MAX_EVENTS, timeoutMillis < 0 ? null : timeout);
        } catch (LastErrorException e) {
            n = 0; // EINTR: look again on the next turn
        }
        for (int i = 0; i < n; i++) {
            long base = (long) i * DarwinLib.KEVENT_SIZE;
            long ident = events.getLong(base);
            short filter = events.getShort(base + 8);
            short flags = events.getShort(base + 10);
            if ((flags & DarwinLib.EV_ERROR) != 0) {
                continue;
            }
            if (filter == DarwinLib.EVFILT_PROC) {
                reap(ident, sink);
            } else if (filter == DarwinLib.EVFILT_READ && ident == wake.readFd()) {
                wake.drain();
            } else if (filter == DarwinLib.EVFILT_READ) {
                sink.readable((int) ident);
            }
        }
        for (Long pid; (pid = exitedEarly.poll()) != null; ) {
            reap(pid, sink);
        }
    }

    private void reap(long pid, Events sink) {
        int code = Abi.reap(c, pid);
        if (code != Abi.RUNNING) {
            sink.exited(pid, code);
        }
    }

    @Override
    public void wake() {
        wake.wake();
    }

    @Override
    public void close() {
        wake.close();
        c.close(kq);
    }
}
