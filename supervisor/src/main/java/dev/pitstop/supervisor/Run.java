package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.Child;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One execution of a process, from launch to exit; a restart or reload creates a new run. */
final class Run {
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    /** Set once, right after the spawn (lines may come before: they find no PID needed). */
    volatile Child child;
    /** Also the process group id: every run leads its own group; 0 until {@link #started}. */
    volatile long pid;
    final Instant startedAt = Instant.now();
    /** Completes once the run counts as ready (probe, log line or survival window). */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Completes with the exit code once the exit has been handled (state updated, restart decided). */
    final CompletableFuture<Integer> exited = new CompletableFuture<>();
    /** Completes when the pump has read the last output line. */
    final CompletableFuture<Void> pumped = new CompletableFuture<>();
    private final List<AutoCloseable> checks = new ArrayList<>();
    private final List<Consumer<String>> lineListeners = new CopyOnWriteArrayList<>();
    volatile boolean logLineSeen;
    /** is_daemon: the process the launcher left running, once it exited; 0 before. */
    volatile long daemonPid;
    /** Whether the readiness check passes now (it may fail again later); guarded by the process's lock. */
    boolean passing;
    /** Set (under the process's lock) once a stop of this run began; the same future serves every stopper. */
    CompletableFuture<Void> stopping;
    /** What the run announced (ready: notify, notify-fd), or null when it announces nothing. */
    volatile RunNotification notification;
    /** Why a probe stopped this run (its exit is then a failure, whatever its code), or null. */
    String probeFailure;

    void started(Child spawned) {
        this.child = spawned;
        this.pid = spawned.pid();
    }

    /** How long it has run (for a run that just exited: how long it ran), for the backoff's reset window. */
    Duration uptime() {
        return Duration.between(startedAt, Instant.now());
    }

    /** The PID to show: the daemon's once there is one. */
    long shownPid() {
        long d = daemonPid;
        return d != 0 ? d : pid;
    }

    /** Adds a check (readiness, liveness) that ends with the run. */
    synchronized void add(AutoCloseable check) {
        checks.add(check);
    }

    /** Subscribes to the run's output lines (called on the pump thread, in order). */
    AutoCloseable onLine(Consumer<String> listener) {
        lineListeners.add(listener);
        return () -> lineListeners.remove(listener);
    }

    void line(String text) {
        for (Consumer<String> l : lineListeners) {
            l.accept(text);
        }
    }

    synchronized void cancelTimers() {
        for (AutoCloseable c : checks) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing a check of pid {} failed", pid, e);
            }
        }
    }
}
