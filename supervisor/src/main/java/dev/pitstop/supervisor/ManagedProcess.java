package dev.pitstop.supervisor;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One process of the stack: what is known about it, and what the supervisor and its users do with it (claim, skip,
 * start, stop, reload). Its runs (launch, exit, restart) are {@link RunLifecycle}'s. Its state moves only through
 * {@link StateMachine} (one table of allowed transitions, each one an event), under this object's lock, which the
 * lifecycle takes too; every wait (stop grace, group emptying) is a future, never a thread.
 */
final class ManagedProcess {
    private final ProcessSpec spec;
    final ProcessHost host;
    final SupervisorServices sv;
    private final ProcessLog log;
    final Restarts restarts;
    final StateMachine machine;
    private final RunLifecycle runs;

    // guarded by this object's lock; the lifecycle changes them too
    /** The readiness check of the current run, for {@link #readinessFailure}. */
    volatile AutoCloseable readinessRun;
    private Health health = Health.UNKNOWN;
    Run run;
    Integer exitCode;
    Instant startedAt;
    boolean logReady;
    /** Pending and already being started (or skipped): a second evaluation must not start it again. */
    boolean claimed;
    boolean reloading;
    /** Moved by a user's stop; a reload or liveness restart that began before it must not start the process again. */
    private long stopEpoch;
    String launchError;
    ScheduledFuture<?> pendingRestart;

    ManagedProcess(ProcessSpec spec, ProcessHost host, SupervisorServices sv, ProcessLog log) {
        this.spec = spec;
        this.host = host;
        this.sv = sv;
        this.log = log;
        this.restarts = new Restarts(spec.availability(), spec.successExitCodes(), sv.config);
        this.machine = new StateMachine(spec.disabled() ? ProcessState.DISABLED : ProcessState.PENDING,
                (from, to, detail) -> sv.events.emit(EventType.STATE_CHANGED, name(),
                        to.label() + (detail.isEmpty() ? "" : ": " + detail)));
        this.runs = new RunLifecycle(this);
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
        RunNotification n = run == null ? null : run.notification;
        return new ProcessStatus(name(), machine.state(), health, run == null ? 0 : run.shownPid(), restarts.count(),
                startedAt, exitCode, List.of(), n == null ? null : n.status());
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

    /** Why the readiness probe of the current run failed last, while it fails; empty for other checks. */
    Optional<String> readinessFailure() {
        return readinessRun instanceof ProbeRunner probe ? probe.lastFailure() : Optional.empty();
    }

    /** Whether this process is done for this run of the stack: not running, starting, waiting or restarting. */
    synchronized boolean hasEnded() {
        return machine.state().isTerminal() && run == null && pendingRestart == null && !reloading;
    }

    void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }

    /** A user's start: runs the process now, whatever its dependencies say. */
    synchronized Run start() {
        return runs.launch(" (started)");
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
        return runs.launch(why);
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

    /** Called under this object's lock. */
    void setHealth(Health next) {
        if (health != next) {
            health = next;
            sv.events.emit(EventType.HEALTH_CHANGED, name(), next.label());
        }
    }
}
