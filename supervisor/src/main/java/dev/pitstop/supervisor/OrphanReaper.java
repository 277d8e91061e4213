package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessPlatform;
import dev.pitstop.supervisor.platform.ProcessTable;
import dev.pitstop.supervisor.platform.Child;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this JVM a child subreaper while the stack runs ({@link SubreaperFlag}), so that what a service forks and
 * abandons re-parents to us instead of init, and reaps those orphans: the JDK only waits for the children it
 * started. An orphan of this run (its environment carries our {@link RunMarker#RUN_ID}) is handed to the process
 * platform's reaper ({@link ProcessPlatform#adoptOrphan}: the loop's pidfd, kqueue or {@code waitpid}, no thread of
 * its own) and reaped when it exits. Sweeps find new orphans and reap zombies of our
 * sessions that died before they were seen, and zombie children that outlived one sweep (the JDK reaps its own at
 * once, so those were orphaned by other code while the flag was set). Children the platform started are never touched:
 * launches and sweeps exclude each other, so a sweep cannot see a child before it is known as the platform's.
 *
 * <p>Sweeps run {@link #SWEEP_MIN} apart after one of our processes exited (that is when its descendants are
 * re-parented to us) or a sweep found something, and back off to {@link #SWEEP_MAX} while nothing happens, so an
 * idle stack costs next to no CPU.
 */
final class OrphanReaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
    static final Duration SWEEP_MIN = Duration.ofSeconds(2);
    static final Duration SWEEP_MAX = Duration.ofSeconds(32);

    /** Starts a child through the process platform. */
    interface Start {
        Child start() throws IOException;
    }

    private final ProcessPlatform platform;
    private final ProcessTable proc;
    private final Signals signals;
    private final String runId;
    private final boolean subreaper;
    private final long self = ProcessHandle.current().pid();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<Long> launched = ConcurrentHashMap.newKeySet();
    private final Map<Long, CompletableFuture<Integer>> watched = new ConcurrentHashMap<>();
    /** Sessions of our runs and of orphans that made their own: a zombie child in one of them is ours to reap. */
    private final Set<Long> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    /** Guarded by itself: the next periodic sweep, its interval, and whether sweeps ended. */
    private final Object timing = new Object();
    private ScheduledFuture<?> next;
    private Duration interval = SWEEP_MIN;
    private boolean closed;
    /** Zombie children no one reaped by the previous sweep: the JDK reaps its own at once, so these are orphans. */
    private Set<Long> lingering = Set.of();

    OrphanReaper(ProcessPlatform platform, ProcessTable proc, Signals signals, String runId,
                 ScheduledExecutorService scheduler) {
        this.proc = proc;
        this.signals = signals;
        this.runId = runId;
        this.platform = platform;
        this.scheduler = scheduler;
        this.subreaper = SubreaperFlag.acquire(platform);
        if (subreaper) {
            scheduleSweep(SWEEP_MIN);
        }
    }

    private void scheduleSweep(Duration delay) {
        synchronized (timing) {
            if (!closed) {
                next = scheduler.schedule(this::periodicSweep, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void periodicSweep() {
        boolean found = sweep();
        synchronized (timing) {
            interval = found ? SWEEP_MIN : min(SWEEP_MAX, interval.multipliedBy(2));
        }
        scheduleSweep(interval);
    }

    /** One of our processes exited: what it leaves behind is ours now, so the next sweep comes soon. */
    private void sweepSoon() {
        if (!subreaper) {
            return;
        }
        synchronized (timing) {
            interval = SWEEP_MIN;
            if (closed || next == null || next.getDelay(TimeUnit.MILLISECONDS) <= SWEEP_MIN.toMillis()) {
                return;
            }
            next.cancel(false);
        }
        scheduleSweep(SWEEP_MIN);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    boolean subreaper() {
        return subreaper;
    }

    /** Whether {@code pid} is a child we started (a run's leader or a helper) that has not exited yet. */
    boolean launched(long pid) {
        return launched.contains(pid);
    }

    /** Runs a launch so that no sweep runs meanwhile; the child is then the platform's reaper's to reap. */
    Child launch(Start start) throws IOException {
        lock.readLock().lock();
        try {
            Child c = start.start();
            long pid = c.pid();
            launched.add(pid);
            sessions.add(pid); // it leads its own session
            c.exit().whenComplete((x, e) -> {
                launched.remove(pid);
                sweepSoon();
            });
            return c;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A process of this run seen alive outside its group: its session becomes ours (a zombie in it is reaped by a
     * sweep), and if it is our child by now, it is reaped as soon as it exits.
     *
     * @return completes when it exited, with its exit code when we reaped it, else 0 (init reaps it: the code is lost)
     */
    CompletableFuture<Integer> watch(ProcessTable.Stat orphan) {
        lock.writeLock().lock();
        try {
            sessions.add(orphan.session());
            long pid = orphan.pid();
            CompletableFuture<Integer> known = watched.get(pid);
            if (known != null) {
                return known;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || launched.contains(pid)) {
                return CompletableFuture.completedFuture(0);
            }
            CompletableFuture<Integer> exit = new CompletableFuture<>();
            watched.put(pid, exit);
            // our child now: the platform's reaper collects it, no thread waits; else init reaps it, the JDK watches
            CompletableFuture<Integer> ended = orphan.ppid() == self ? platform.adoptOrphan(pid)
                    : handle.get().onExit().thenApply(h -> -1);
            ended.whenComplete((code, e) -> {
                watched.remove(pid, exit);
                exit.complete(code == null ? 0 : Math.max(code, 0));
            });
            return exit;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Watches new orphans of this run and reaps zombies of our sessions that nobody waited for, and zombie children
     * that already lingered at the previous sweep (orphaned by other code, e.g. a child JVM that exited).
     *
     * @return whether it found anything to watch or reap, now or at the next sweep
     */
    boolean sweep() {
        return sweep(null);
    }

    /** As {@link #sweep()}, with our children as just read by the caller (null: read them here). */
    boolean sweep(List<Long> ourChildren) {
        lock.writeLock().lock();
        boolean found = false;
        try {
            Set<Long> zombies = new HashSet<>();
            // a list read before the lock is as good: a child launched since is in `launched` by now (launches
            // hold the read lock), and one the loop reaped since has no stat left
            for (long pid : ourChildren != null ? ourChildren : proc.childPids(self)) {
                if (launched.contains(pid) || watched.containsKey(pid)) {
                    continue; // the loop reaps what we launched: 500 children cost no read here
                }
                ProcessTable.Stat s = proc.stat(pid).orElse(null);
                if (s == null || s.ppid() != self) {
                    continue;
                }
                if (s.dead()) {
                    if (sessions.contains(s.session()) || lingering.contains(s.pid())) {
                        signals.reap(s.pid());
                    } else {
                        zombies.add(s.pid());
                    }
                    found = true;
                } else if (runId.equals(proc.environ(s.pid()).get(RunMarker.RUN_ID))) {
                    watch(s);
                    found = true;
                }
            }
            lingering = zombies;
        } catch (RuntimeException e) {
            LOG.warn("cannot sweep for orphans", e);
        } finally {
            lock.writeLock().unlock();
        }
        return found;
    }

    @Override
    public void close() {
        if (subreaper) {
            synchronized (timing) {
                closed = true;
                if (next != null) {
                    next.cancel(false);
                }
            }
            sweep();
            SubreaperFlag.release(platform);
        }
    }
}
