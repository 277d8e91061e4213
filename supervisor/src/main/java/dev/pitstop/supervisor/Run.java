package dev.pitstop.supervisor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** One execution of a process, from launch to exit; a restart or reload creates a new run. */
final class Run {
    final Process process;
    /** Also the process group id: every run leads its own group. */
    final long pid;
    final Instant startedAt = Instant.now();
    /** Completes once the run counts as ready (probe, log line or survival window). */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Completes with the exit code once the exit has been handled (state updated, restart decided). */
    final CompletableFuture<Integer> exited = new CompletableFuture<>();
    /** Completes when the pump has read the last output line. */
    final CompletableFuture<Void> pumped = new CompletableFuture<>();
    private final List<ProbeRunner> probes = new ArrayList<>();
    private final List<Future<?>> timers = new ArrayList<>();
    volatile boolean logLineSeen;
    /** is_daemon: the process the launcher left running, once it exited; 0 before. */
    volatile long daemonPid;
    /** Set (under the process's lock) once a stop of this run began; the same future serves every stopper. */
    CompletableFuture<Void> stopping;

    Run(Process process) {
        this.process = process;
        this.pid = process.pid();
    }

    /** The PID to show: the daemon's once there is one. */
    long shownPid() {
        long d = daemonPid;
        return d != 0 ? d : pid;
    }

    void add(ProbeRunner probe) {
        probes.add(probe);
    }

    void add(Future<?> timer) {
        timers.add(timer);
    }

    void cancelTimers() {
        timers.forEach(t -> t.cancel(false));
        probes.forEach(ProbeRunner::close);
    }
}
