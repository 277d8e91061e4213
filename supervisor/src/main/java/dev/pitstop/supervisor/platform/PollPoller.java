package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain POSIX: {@code poll(2)} over every pipe, and exits found by {@code waitpid(pid, WNOHANG)} for each child in
 * turn (never {@code waitpid(-1)}, which would steal the exits of the JDK's own children). The sweep runs 5 ms after
 * something made an exit likely (a spawn, a signal, a closed pipe) and backs off to every 500 ms when nothing
 * happens, so 500 idle children cost 1,000 cheap system calls a second.
 */
final class PollPoller implements Poller {
    static final int FASTEST_SWEEP_MILLIS = 5;
    static final int SLOWEST_SWEEP_MILLIS = 500;
    private static final short POLLIN = 0x1;

    private final PosixLib c;
    private final Set<Integer> fds = ConcurrentHashMap.newKeySet();
    private final Set<Long> pids = ConcurrentHashMap.newKeySet();
    private final WakePipe wake;
    private volatile int sweepMillis = FASTEST_SWEEP_MILLIS;
    private volatile long nextSweep = System.nanoTime();

    PollPoller(PosixLib c, Abi abi) {
        this.c = c;
        this.wake = WakePipe.open(c, abi);
    }

    @Override
    public void watchRead(int fd) {
        fds.add(fd);
        wake();
    }

    @Override
    public void unwatchRead(int fd) {
        fds.remove(fd);
    }

    @Override
    public void watchExit(long pid) {
        pids.add(pid);
        activity();
    }

    @Override
    public void activity() {
        long soon = System.nanoTime() + FASTEST_SWEEP_MILLIS * 1_000_000L;
        sweepMillis = FASTEST_SWEEP_MILLIS;
        if (nextSweep - soon > 0) {
            nextSweep = soon;
            wake();
        }
    }

    @Override
    public void await(int timeoutMillis, Events events) {
        Integer[] watched = fds.toArray(Integer[]::new);
        int count = watched.length + 1;
        Memory set = new Memory(8L * count);
        set.setInt(0, wake.readFd());
        set.setShort(4, POLLIN);
        set.setShort(6, (short) 0);
        for (int i = 0; i < watched.length; i++) {
            set.setInt(8L * (i + 1), watched[i]);
            set.setShort(8L * (i + 1) + 4, POLLIN);
            set.setShort(8L * (i + 1) + 6, (short) 0);
        }
        long untilSweep = Math.max(0, (nextSweep - System.nanoTime()) / 1_000_000);
        long wait = timeoutMillis < 0 ? untilSweep : Math.min(timeoutMillis, untilSweep);
        int n = c.poll(set, count, (int) Math.min(wait, Integer.MAX_VALUE));
        if (n > 0) {
            if (set.getShort(6) != 0) {
                wake.drain();
            }
            for (int i = 0; i < watched.length; i++) {
                if (set.getShort(8L * (i + 1) + 6) != 0) { // POLLIN, POLLHUP, POLLERR or POLLNVAL: read tells
                    events.readable(watched[i]);
                }
            }
        }
        if (System.nanoTime() - nextSweep >= 0) {
            sweep(events);
        }
    }

    private void sweep(Events events) {
        boolean found = false;
        for (Long pid : pids) {
            int code = Abi.reap(c, pid);
            if (code != Abi.RUNNING) {
                pids.remove(pid);
                found = true;
                events.exited(pid, code);
            }
        }
        sweepMillis = found ? FASTEST_SWEEP_MILLIS : Math.min(SLOWEST_SWEEP_MILLIS, sweepMillis * 2);
        nextSweep = System.nanoTime() + sweepMillis * 1_000_000L;
    }

    @Override
    public void wake() {
        wake.wake();
    }

    @Override
    public void close() {
        wake.close();
    }
}
