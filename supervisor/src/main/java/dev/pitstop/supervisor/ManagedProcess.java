package dev.pitstop.supervisor;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.RestartPolicy;
import dev.pitstop.supervisor.platform.Child;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One process of the stack: launch, readiness, exit, restart policy, stop, reload. Its state moves only through
 * {@link StateMachine} (one table of allowed transitions, each one an event), under this object's lock; every wait
 * (stop grace, group emptying) is a future, never a thread.
 */
final class ManagedProcess {
    private final ProcessSpec spec;
    private final ProcessHost host;
    private final SupervisorServices sv;
    private final ProcessLog log;
    private final Pattern readyLine;
    private final Restarts restarts;
    private final ReadinessCheck readiness;
    /** The readiness check of the current run, for {@link #readinessFailure}. */
    private volatile AutoCloseable readinessRun;
    private final StateMachine machine;

    private Health health = Health.UNKNOWN;
    private Run run;
    private Integer exitCode;
    private Instant startedAt;
    private boolean logReady;
    /** Pending and already being started (or skipped): a second evaluation must not start it again. */
    private boolean claimed;
    private boolean reloading;
    /** Moved by a user's stop; a reload or liveness restart that began before it must not start the process again. */
    private long stopEpoch;
    private String launchError;
    private ScheduledFuture<?> pendingRestart;

    ManagedProcess(ProcessSpec spec, ProcessHost host, SupervisorServices sv, ProcessLog log) {
        this.spec = spec;
        this.host = host;
        this.sv = sv;
        this.log = log;
        this.readyLine = spec.readyLogLine() == null ? null : Pattern.compile(spec.readyLogLine());
        this.restarts = new Restarts(spec.availability(), spec.successExitCodes(), sv.config);
        this.readiness = spec.readinessProbe() != null
                ? Readiness.probe(spec.readinessProbe(),
                        () -> sv.probes.create(host.stack(), spec, spec.readinessProbe().action()), sv.scheduler)
                : readyLine != null ? Readiness.logLine(readyLine)
                : Readiness.survival(sv.config.survivalWindow(), sv.scheduler);
        this.machine = new StateMachine(spec.disabled() ? ProcessState.DISABLED : ProcessState.PENDING,
                (from, to, detail) -> sv.events.emit(EventType.STATE_CHANGED, name(),
                        to.label() + (detail.isEmpty() ? "" : ": " + detail)));
    }

    String name() {
        return spec.name();
    }

    ProcessSpec spec() {
        return spec;
    }

    ProcessLog log() {
        return log;
    }

    StopDeadline stopDeadline() {
        return StopDeadline.of(spec.shutdown());
    }

    synchronized ProcessStatus status() {
        return new ProcessStatus(name(), machine.state(), health, run == null ? 0 : run.shownPid(), restarts.count(),
                startedAt, exitCode);
    }

    synchronized Facts facts() {
        boolean succeeded = exitCode != null && !restarts.isFailure(exitCode);
        return new Facts(machine.state(), startedAt != null, run != null && run.passing, logReady, exitCode,
                succeeded);
    }

    synchronized long stopEpoch() {
        return stopEpoch;
    }

    synchronized Run currentRun() {
        return run;
    }

    synchronized String launchError() {
        return launchError;
    }

    /**
     * Takes the right to start a pending process once, so concurrent evaluations do not start it twice.
     *
     * @return the stop epoch to launch with (see {@link #launchUnlessStoppedSince}), or -1 if not claimed
     */
    synchronized long claimPending() {
        if (machine.state() != ProcessState.PENDING || claimed) {
            return -1;
        }
        claimed = true;
        return stopEpoch;
    }

    synchronized void skip(String why) {
        if (machine.state() == ProcessState.PENDING && !claimed) {
            claimed = true;
            machine.to(ProcessState.SKIPPED, why);
            if (spec.availability().exitOnSkipped()) {
                host.endStack(name() + " was skipped (exit_on_skipped)", 1);
            }
            host.changed();
        }
    }

    /** Starts a run unless one is alive; returns it, or null when it cannot start (the process is then in Error). */
    synchronized Run launch(String why) {
        if (run != null) {
            return run;
        }
        if (host.stopping()) {
            return null; // down() already passed this process: a late start would outlive the stack
        }
        claimed = true;
        cancelPendingRestart();
        Run r = new Run();
        // before the spawn: the I/O loop may hand over a ready line at once, it must find its listener
        AutoCloseable check = readiness.start(r, ok -> readiness(r, ok));
        r.add(check);
        LineSplitter lines = new LineSplitter(sv.config.maxLineLength(), line -> onLine(r, line), log::flush,
                () -> r.pumped.complete(null), sv.scheduler);
        Child child;
        try {
            child = sv.launcher.start(host.stack(), spec, lines, List.of());
        } catch (IOException | RuntimeException e) {
            r.cancelTimers();
            launchError = e.getMessage();
            exitCode = null;
            log.append("[pitstop] cannot start: " + e.getMessage());
            machine.to(ProcessState.ERROR, "cannot start: " + e.getMessage());
            host.changed();
            return null;
        }
        r.started(child);
        readinessRun = check;
        run = r;
        sv.ledger.started(name(), r.pid, spec.command() != null ? spec.command() : String.join(" ", spec.entrypoint()));
        launchError = null;
        exitCode = null;
        startedAt = r.startedAt;
        if (readiness.reportsHealth()) {
            setHealth(Health.NOT_READY);
        }
        machine.to(ProcessState.RUNNING, "pid " + r.pid + why);
        child.exit().whenCompleteAsync((code, e) -> onExit(r, code), sv.workers);
        if (spec.livenessProbe() != null) {
            ProbeRunner liveness = new ProbeRunner(spec.livenessProbe(),
                    sv.probes.create(host.stack(), spec, spec.livenessProbe().action()), sv.scheduler, null, ok -> {
                        if (!ok) {
                            probeFailed(r, "liveness probe failed " + spec.livenessProbe().failureThreshold()
                                    + " times in a row");
                        }
                    });
            liveness.start();
            r.add(liveness);
        }
        host.changed();
        return r;
    }

    private void onLine(Run r, String text) {
        log.append(text);
        r.line(text);
        if (readyLine != null && !r.logLineSeen && readyLine.matcher(text).find()) {
            r.logLineSeen = true;
            synchronized (this) {
                if (run == r) {
                    logReady = true;
                    host.changed();
                }
            }
        }
    }

    /** Why the readiness probe of the current run failed last, while it fails; empty for other checks. */
    Optional<String> readinessFailure() {
        return readinessRun instanceof ProbeRunner probe ? probe.lastFailure() : Optional.empty();
    }

    private synchronized void readiness(Run r, boolean ok) {
        if (run != r) {
            return;
        }
        r.passing = ok;
        if (readiness.reportsHealth()) {
            setHealth(ok ? Health.READY : Health.NOT_READY);
        }
        if (ok) {
            r.ready.complete(null);
        } else if (spec.readinessProbe() != null && r.ready.isDone() && !r.ready.isCompletedExceptionally()) {
            // as Process Compose, failure_threshold failures in a row stop the process; unlike it, only one that
            // was ready once: until then the probe only says "not ready" (a reload's deadline, or the user, decides)
            sv.execute(() -> probeFailed(r, "readiness probe failed " + spec.readinessProbe().failureThreshold()
                    + " times in a row"));
        }
        host.changed();
    }

    /**
     * A probe gave up on the run: it is stopped, and its exit counts as a failure, so the restart policy decides
     * what comes next, with its backoff ({@code restart: no} leaves it stopped).
     */
    private void probeFailed(Run r, String why) {
        synchronized (this) {
            if (run != r || reloading || r.stopping != null || host.stopping()) {
                return; // during a reload, its own deadline and rollback decide
            }
            r.probeFailure = why;
            sv.events.emit(EventType.WARNING, name(), why + "; stopping pid " + r.pid);
        }
        stop(false);
    }

    private void onExit(Run r, int code) {
        if (spec.daemon() && !restarts.isFailure(code) && daemonized(r, code)) {
            return;
        }
        exited(r, code);
    }

    /** is_daemon: a launcher that exited with success hands the run over to what it left running. */
    private boolean daemonized(Run r, int code) {
        synchronized (this) {
            if (run != r || r.stopping != null || host.stopping()) {
                return false;
            }
        }
        sv.ledger.ended(r.pid);
        if (!new DaemonWatch(sv, name(), r, daemonCode -> exited(r, daemonCode)).start()) {
            return false;
        }
        log.append("[pitstop] pid " + r.pid + " exited with code " + code + "; its daemon pid " + r.daemonPid
                + " runs on");
        synchronized (this) {
            if (run == r && machine.state() == ProcessState.RUNNING) {
                machine.to(ProcessState.RUNNING, "daemon pid " + r.daemonPid);
            }
            host.changed();
        }
        return true;
    }

    private void exited(Run r, int code) {
        synchronized (this) {
            if (run != r) {
                return;
            }
            run = null;
            sv.ledger.ended(r.pid);
            r.cancelTimers();
            exitCode = code;
            // whatever the leader left behind, in its group or outside it, is an orphan of a dead service
            sv.signals.toGroup(r.pid, Signals.SIGKILL);
            if (r.stopping == null && !reloading && !host.stopping()) {
                sv.execute(() -> killStrays(r)); // a stop handles them itself, with their grace period
            }
            sv.events.emit(EventType.PROCESS_EXITED, name(), "pid " + r.pid + " exit code " + code);
            if (readiness.reportsHealth()) {
                setHealth(Health.NOT_READY);
            }
            afterExit(r, code);
            r.exited.complete(code);
            r.ready.completeExceptionally(new IllegalStateException("exited with code " + code));
            host.changed();
        }
    }

    private void killStrays(Run ended) {
        Run next = currentRun();
        Set<Long> groups = next == null ? Set.of(ended.pid) : Set.of(ended.pid, next.pid);
        sv.stopper.stopStrays(sv.strays.of(name(), groups), Signals.SIGKILL, Duration.ZERO);
    }

    private void afterExit(Run r, int code) {
        if (reloading && r.stopping != null) {
            // stopped to be started again: never Completed meanwhile, or dependents waiting for it would give up
            machine.to(ProcessState.RESTARTING, "reloading (exit code " + code + ")");
            return;
        }
        boolean byProbe = r.probeFailure != null;
        if ((r.stopping != null && !byProbe) || reloading || host.stopping()) {
            boolean failed = restarts.isFailure(code) && r.stopping == null;
            machine.to(failed ? ProcessState.ERROR : ProcessState.COMPLETED, "exit code " + code);
            return;
        }
        Restarts.Decision d = restarts.afterExit(code, Duration.between(r.startedAt, Instant.now()), byProbe);
        if (d.restart()) {
            machine.to(ProcessState.RESTARTING, "exit code " + code + "; restart " + restarts.count() + " in "
                    + d.delay().toMillis() + " ms");
            pendingRestart = sv.scheduler.schedule(() -> sv.execute(this::restartDue), d.delay().toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        machine.to(d.failed() ? ProcessState.ERROR : ProcessState.COMPLETED,
                "exit code " + code + (byProbe ? " (" + r.probeFailure + ")" : ""));
        if (d.stackExitCode() != null) {
            host.endStack(name() + " exited with code " + code + (d.failed() && spec.availability().restart()
                    == RestartPolicy.EXIT_ON_FAILURE ? " (exit_on_failure)" : " (exit_on_end)"), d.stackExitCode());
        }
    }

    /** Whether this process is done for this run of the stack: not running, starting, waiting or restarting. */
    synchronized boolean hasEnded() {
        return machine.state().isTerminal() && run == null && pendingRestart == null && !reloading;
    }

    private synchronized void restartDue() {
        if (machine.state() == ProcessState.RESTARTING && run == null && !reloading && !host.stopping()) {
            pendingRestart = null;
            launch(" (restart " + restarts.count() + ")");
        }
    }

    private void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }

    /** A user's start: runs the process now, whatever its dependencies say. */
    synchronized Run start() {
        return launch(" (started)");
    }

    /**
     * Stops the current run (shutdown command or signal, grace period, SIGKILL to the group, wait until the group is
     * empty). A stop by the user also wins over a reload in progress: it moves the stop epoch the reload checks.
     */
    CompletableFuture<Void> stop(boolean byUser) {
        Run r;
        synchronized (this) {
            if (byUser) {
                stopEpoch++;
                claimed = true;
            }
            cancelPendingRestart();
            if (machine.state() == ProcessState.RESTARTING && run == null && !reloading) {
                machine.to(ProcessState.COMPLETED, "stopped while waiting to restart");
            }
            r = run;
            if (r == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (r.stopping != null) {
                return r.stopping;
            }
            r.stopping = new CompletableFuture<>();
            machine.to(ProcessState.TERMINATING, "pid " + r.shownPid());
        }
        new Shutdown(spec, host.stack(), sv, log).run(r, host.stopping());
        return r.stopping;
    }

    /**
     * Marks the start of a reload: no restart policy applies until {@link #endReload}.
     *
     * @return the stop epoch, and whether this is a one-shot process that already finished with success (then a new
     *         run that also exits with success is what a reload asked for, not a failure)
     */
    synchronized ReloadStart beginReload() {
        reloading = true;
        cancelPendingRestart();
        boolean finished = run == null && machine.state() == ProcessState.COMPLETED && exitCode != null
                && !restarts.isFailure(exitCode);
        return new ReloadStart(stopEpoch, finished);
    }

    /** What {@link #beginReload} found. */
    record ReloadStart(long epoch, boolean oneShot) {}

    /** Whether {@code code} counts as a success of this process ({@code success_exit_codes}). */
    boolean isSuccess(int code) {
        return !restarts.isFailure(code);
    }

    /** Launches unless a user's stop (or the stack going down) came in since {@code epoch}; null if not. */
    synchronized Run launchUnlessStoppedSince(long epoch, String why) {
        if (stopEpoch != epoch || host.stopping()) {
            return null;
        }
        return launch(why);
    }

    /**
     * Ends a reload; a failed one leaves the process stopped in Error with {@code failure} as the reason, one a stop
     * won leaves it Completed.
     */
    synchronized void endReload(String failure) {
        reloading = false;
        if (run != null) {
            return;
        }
        if (failure != null) {
            machine.to(ProcessState.ERROR, failure);
        } else if (machine.state() == ProcessState.RESTARTING) {
            machine.to(ProcessState.COMPLETED, "stopped during the reload");
        }
        host.changed();
    }

    private void setHealth(Health next) {
        if (health != next) {
            health = next;
            sv.events.emit(EventType.HEALTH_CHANGED, name(), next.label());
        }
    }
}
