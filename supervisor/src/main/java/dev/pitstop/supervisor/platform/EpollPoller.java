package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linux: one epoll set holds every pipe and one {@code pidfd} per child (kernel ≥ 5.3). A pidfd turns readable when
 * its process exits; {@code waitpid} on that one PID then reaps it, so the JDK's own children (git builds, tools run
 * elsewhere in this JVM) are never waited for here.
 */
final class EpollPoller implements Poller {
    private static final long PIPE = 0;
    private static final long EXIT = 1L << 32;
    private static final long WAKE = 2L << 32;
    private static final int MAX_EVENTS = 256;

    private final LinuxLib c;
    private final Abi abi;
    private final int epfd;
    private final WakePipe wake;
    private final Map<Long, Integer> pidfds = new ConcurrentHashMap<>();
    private final Memory events;
    private final Memory one;

    EpollPoller(LinuxLib c, Abi abi) {
        this.c = c;
        this.abi = abi;
        this.epfd = c.epoll_create1(LinuxLib.EPOLL_CLOEXEC);
        if (epfd < 0) {
            throw new IllegalStateException("cannot create an epoll set: errno " + Native.getLastError());
        }
        this.wake = WakePipe.open(c, abi);
        this.events = new Memory((long) MAX_EVENTS * abi.epollEventSize());
        this.one = new Memory(abi.epollEventSize());
        add(wake.readFd(), WAKE);
    }

    /** Whether this kernel has pidfd_open. */
    static boolean supported(LinuxLib c) {
        int fd = c.syscall(LinuxLib.SYS_PIDFD_OPEN, (int) ProcessHandle.current().pid(), 0);
        if (fd < 0) {
            return false;
        }
        c.close(fd);
        return true;
    }

    private synchronized void add(int fd, long data) {
        one.setInt(0, LinuxLib.EPOLLIN);
        one.setLong(abi.epollDataOffset(), data);
        if (c.epoll_ctl(epfd, LinuxLib.EPOLL_CTL_ADD, fd, one) != 0) {
            throw new IllegalStateException("epoll_ctl ADD " + fd + ": errno " + Native.getLastError());
        }
    }

    @Override
    public void watchRead(int fd) {
        add(fd, PIPE | fd);
    }

    @Override
    public void unwatchRead(int fd) {
        c.epoll_ctl(epfd, LinuxLib.EPOLL_CTL_DEL, fd, null);
    }

    @Override
    public void watchExit(long pid) {
        // a child that already exited is a zombie until we reap it: its pidfd is readable at once
        int pidfd = c.syscall(LinuxLib.SYS_PIDFD_OPEN, (int) pid, 0);
        if (pidfd < 0) {
            throw new IllegalStateException("pidfd_open " + pid + ": errno " + Native.getLastError());
        }
        pidfds.put(pid, pidfd);
        add(pidfd, EXIT | pid);
    }

    @Override
    public void await(int timeoutMillis, Events sink) {
        int n = c.epoll_wait(epfd, events, MAX_EVENTS, timeoutMillis);
        for (int i = 0; i < n; i++) {
            long data = events.getLong((long) i * abi.epollEventSize() + abi.epollDataOffset());
            long kind = data & (0xffffffffL << 32);
            int value = (int) data;
            if (kind == PIPE) {
                sink.readable(value);
            } else if (kind == EXIT) {
                reap(value, sink);
            } else {
                wake.drain();
            }
        }
    }

    private void reap(long pid, Events sink) {
        int code = Abi.reap(c, pid);
        if (code == Abi.RUNNING) {
            return; // not exited after all (a stopped child)
        }
        Integer pidfd = pidfds.remove(pid);
        if (pidfd != null) {
            c.epoll_ctl(epfd, LinuxLib.EPOLL_CTL_DEL, pidfd, null);
            c.close(pidfd);
        }
        sink.exited(pid, code);
    }

    @Override
    public void wake() {
        wake.wake();
    }

    @Override
    public void close() {
        pidfds.values().forEach(c::close);
        wake.close();
        c.close(epfd);
    }
}
