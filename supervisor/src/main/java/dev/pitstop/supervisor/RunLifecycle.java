package dev.pitstop.supervisor;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.ReadyNotification;
import dev.pitstop.supervisor.platform.Child;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The runs of one {@link ManagedProcess}: launch (with its output, readiness and liveness checks), exit, the
 * restart that follows. It changes the process's state only under the process's lock, as the process itself does.
 */
final class RunLifecycle {
    private final ManagedProcess mp;
    private final ProcessSpec spec;
    private final SupervisorServices sv;
    private final Pattern readyLine;
    private final ReadinessCheck readiness;
    private final ExitRules rules;

    RunLifecycle(ManagedProcess mp) {
        this.mp = mp;
        this.spec = mp.spec();
        this.sv = mp.sv;
        this.readyLine = spec.readyLogLine() == null ? null : Pattern.compile(spec.readyLogLine());
        this.readiness = spec.readinessProbe() != null
                ? Readiness.probe(spec.readinessProbe(),
                        () -> sv.probes.create(mp.host.stack(), spec, spec.readinessProbe().action()), sv.scheduler)
                : readyLine != null ? Readiness.logLine(readyLine)
                : spec.readyNotification() != null ? Readiness.notified()
                : Readiness.survival(sv.config.survivalWindow(), sv.scheduler);
        this.rules = new ExitRules(spec, mp.restarts);
    }

    boolean reportsHealth() {
        return readiness.reportsHealth();
    }

    /** Starts a run unless one is alive; returns it, or null when it cannot start (the process is then in Error). */
    Run launch(String why) {
        synchronized (mp) {
            if (mp.run != null) {
                return mp.run;
            }
            if (mp.host.stopping()) {
                return null; // down() already passed this process: a late start would outlive the stack
            }
            mp.claimed = true;
            mp.cancelPendingRestart();
            Run r = new Run();
            Child child;
            AutoCloseable check;
            try {
                LaunchExtras extras = announcing(r);
                // before the spawn: the I/O loop may hand over a ready line at once, it must find its listener
                check = readiness.start(r, ok -> readiness(r, ok));
                r.add(check);
                LineSplitter lines = new RunOutput(r, mp.log(), readyLine, () -> logLineReady(r))
                        .splitter(sv.config.maxLineLength(), sv.scheduler);
                child = sv.launcher.start(mp.host.stack(), spec, lines, extras);
            } catch (IOException | RuntimeException e) {
                r.cancelTimers();
                mp.launchError = e.getMessage();
                mp.exitCode = null;
                mp.log().append("[pitstop] cannot start: " + e.getMessage());
                mp.machine.to(ProcessState.ERROR, "cannot start: " + e.getMessage());
                mp.host.changed();
                return null;
            }
            r.started(child);
            mp.readinessRun = check;
            mp.run = r;
            sv.ledger.started(mp.name(), r.pid,
                    spec.command() != null ? spec.command() : String.join(" ", spec.entrypoint()));
            mp.launchError = null;
            mp.exitCode = null;
            mp.startedAt = r.startedAt;
            if (readiness.reportsHealth()) {
                mp.setHealth(Health.NOT_READY);
            }
            mp.machine.to(ProcessState.RUNNING, "pid " + r.pid + why);
            child.exit().whenCompleteAsync((code, e) -> onExit(r, code), sv.workers);
            watchdog(r);
            if (spec.livenessProbe() != null) {
                r.add(ProbeRunner.liveness(spec.livenessProbe(),
                        sv.probes.create(mp.host.stack(), spec, spec.livenessProbe().action()), sv.scheduler,
                        why2 -> probeFailed(r, why2)));
            }
            mp.host.changed();
            return r;
        }
    }

    /**
     * Opens the run's notification channel (ready: notify, notify-fd) before its spawn, so no early message is lost;
     * it closes with the run.
     */
    private LaunchExtras announcing(Run r) throws IOException {
        if (spec.readyNotification() == null) {
            return LaunchExtras.NONE;
        }
        Notifications.Opened opened = sv.notifications.open(spec.readyNotification(), mp.log()::append);
        opened.notification().attach(r);
        r.notification = opened.notification();
        r.add(opened.notification());
        return opened.extras();
    }

    /** sd_notify's watchdog ({@code watchdog_seconds}): missed pings stop the run as a failing liveness probe does. */
    private void watchdog(Run r) {
        if (spec.readyNotification() instanceof ReadyNotification.SdNotify sd && !sd.watchdog().isZero()) {
            Watchdog w = new Watchdog(sd.watchdog(), sv.scheduler, why -> sv.execute(() -> probeFailed(r, why)))
                    .start();
            r.notification.onWatchdog(w);
            r.add(w);
        }
    }

    private void logLineReady(Run r) {
        synchronized (mp) {
            if (mp.run == r) {
                mp.logReady = true;
                mp.host.changed();
            }
        }
    }

    private void readiness(Run r, boolean ok) {
        synchronized (mp) {
            if (mp.run != r) {
                return;
            }
            r.passing = ok;
            if (readiness.reportsHealth()) {
                mp.setHealth(ok ? Health.READY : Health.NOT_READY);
            }
            if (ok) {
                r.ready.complete(null);
            } else if (spec.readinessProbe() != null && r.ready.isDone() && !r.ready.isCompletedExceptionally()) {
                // as Process Compose, failure_threshold failures in a row stop the process; unlike it, only one that
                // was ready once: until then the probe only says "not ready" (a reload's deadline, or the user, decides)
                sv.execute(() -> probeFailed(r, "readiness probe failed " + spec.readinessProbe().failureThreshold()
                        + " times in a row"));
            }
            mp.host.changed();
        }
    }

    /**
     * A probe gave up on the run: it is stopped, and its exit counts as a failure, so the restart policy decides
     * what comes next, with its backoff ({@code restart: no} leaves it stopped).
     */
    private void probeFailed(Run r, String why) {
        synchronized (mp) {
            if (mp.run != r || mp.reloading || r.stopping != null || mp.host.stopping()) {
                return; // during a reload, its own deadline and rollback decide
            }
            r.probeFailure = why;
            sv.events.emit(EventType.WARNING, mp.name(), why + "; stopping pid " + r.pid);
        }
        mp.stop(false);
    }

    private void onExit(Run r, int code) {
        if (spec.daemon() && !mp.restarts.isFailure(code) && daemonized(r, code)) {
            return;
        }
        exited(r, code);
    }

    /** is_daemon: a launcher that exited with success hands the run over to what it left running. */
    private boolean daemonized(Run r, int code) {
        synchronized (mp) {
            if (mp.run != r || r.stopping != null || mp.host.stopping()) {
                return false;
            }
        }
        sv.ledger.ended(r.pid);
        if (!new DaemonWatch(sv, mp.name(), r, daemonCode -> exited(r, daemonCode)).start()) {
            return false;
        }
        mp.log().append("[pitstop] pid " + r.pid + " exited with code " + code + "; its daemon pid " + r.daemonPid
                + " runs on");
        synchronized (mp) {
            if (mp.run == r && mp.machine.state() == ProcessState.RUNNING) {
                mp.machine.to(ProcessState.RUNNING, "daemon pid " + r.daemonPid);
            }
            mp.host.changed();
        }
        return true;
    }

    private void exited(Run r, int code) {
        synchronized (mp) {
            if (mp.run != r) {
                return;
            }
            mp.run = null;
            sv.ledger.ended(r.pid);
            r.cancelTimers();
            mp.exitCode = code;
            // whatever the leader left behind, in its group or outside it, is an orphan of a dead service
            sv.signals.toGroup(r.pid, Signals.SIGKILL);
            if (r.stopping == null && !mp.reloading && !mp.host.stopping()) {
                sv.execute(() -> killStrays(r)); // a stop handles them itself, with their grace period
            }
            sv.events.emit(EventType.PROCESS_EXITED, mp.name(), "pid " + r.pid + " exit code " + code);
            if (readiness.reportsHealth()) {
                mp.setHealth(Health.NOT_READY);
            }
            boolean restartNow = apply(rules.after(r, code, mp.reloading, mp.host.stopping()), code);
            r.exited.complete(code);
            r.ready.completeExceptionally(new IllegalStateException("exited with code " + code));
            mp.host.changed();
            if (restartNow) {
                restartDue(); // on this thread, now: a hop through the timer and a worker cost a crash restart ~1 ms
            }
        }
    }

    /** @return whether the restart is due at once */
    private boolean apply(ExitRules.Outcome outcome, int code) {
        mp.machine.to(outcome.state(), outcome.detail());
        boolean now = outcome.restartIn() != null && outcome.restartIn().isZero() && outcome.stackExitCode() == null;
        if (outcome.restartIn() != null && !now) {
            mp.pendingRestart = sv.scheduler.schedule(() -> sv.execute(this::restartDue),
                    outcome.restartIn().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (outcome.stackExitCode() != null) {
            mp.host.endStack(mp.name() + " exited with code " + code + outcome.stackReason(), outcome.stackExitCode());
        }
        return now;
    }

    private void killStrays(Run ended) {
        Run next = mp.currentRun();
        Set<Long> groups = next == null ? Set.of(ended.pid) : Set.of(ended.pid, next.pid);
        sv.stopper.stopStrays(sv.strays.of(mp.name(), groups), Signals.SIGKILL, Duration.ZERO);
    }

    private void restartDue() {
        synchronized (mp) {
            if (mp.machine.state() == ProcessState.RESTARTING && mp.run == null && !mp.reloading
                    && !mp.host.stopping()) {
                mp.pendingRestart = null;
                launch(" (restart " + mp.restarts.count() + ")");
            }
        }
    }
}
