package dev.pitstop.supervisor;

import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.RestartPolicy;
import java.time.Duration;

/** What a run's exit means for its process: the next state, and whether a restart or the stack's end follows. */
final class ExitRules {
    /**
     * @param restartIn     when not null, a restart is due after this delay
     * @param stackExitCode when not null, the whole stack ends with this code, for {@code stackReason}
     */
    record Outcome(ProcessState state, String detail, Duration restartIn, Integer stackExitCode, String stackReason) {}

    private final ProcessSpec spec;
    private final Restarts restarts;

    ExitRules(ProcessSpec spec, Restarts restarts) {
        this.spec = spec;
        this.restarts = restarts;
    }

    Outcome after(Run r, int code, boolean reloading, boolean stackStopping) {
        if (reloading && r.stopping != null) {
            // stopped to be started again: never Completed meanwhile, or dependents waiting for it would give up
            return new Outcome(ProcessState.RESTARTING, "reloading (exit code " + code + ")", null, null, null);
        }
        boolean byProbe = r.probeFailure != null;
        if ((r.stopping != null && !byProbe) || reloading || stackStopping) {
            boolean failed = restarts.isFailure(code) && r.stopping == null;
            return new Outcome(failed ? ProcessState.ERROR : ProcessState.COMPLETED, "exit code " + code, null, null,
                    null);
        }
        Restarts.Decision d = restarts.afterExit(code, r.uptime(), byProbe);
        if (d.restart()) {
            return new Outcome(ProcessState.RESTARTING, "exit code " + code + "; restart " + restarts.count() + " in "
                    + d.delay().toMillis() + " ms", d.delay(), null, null);
        }
        String reason = d.failed() && spec.availability().restart() == RestartPolicy.EXIT_ON_FAILURE
                ? " (exit_on_failure)" : " (exit_on_end)";
        return new Outcome(d.failed() ? ProcessState.ERROR : ProcessState.COMPLETED,
                "exit code " + code + (byProbe ? " (" + r.probeFailure + ")" : ""), null, d.stackExitCode(), reason);
    }
}
