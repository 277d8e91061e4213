package dev.pitstop.supervisor;

import dev.pitstop.core.stack.Availability;
import dev.pitstop.core.stack.RestartPolicy;
import java.time.Duration;
import java.util.Set;

/** Applies {@code availability} to an exit: restart after a delay, or give up. Not thread-safe: used under a lock. */
final class Restarts {
    /**
     * What to do after an exit.
     *
     * @param stackExitCode when not null, the whole stack ends with this code ({@code exit_on_failure},
     *                      {@code exit_on_end}; 0 when the exit counts as a success, as in Process Compose)
     */
    record Decision(boolean restart, Duration delay, boolean failed, Integer stackExitCode) {}

    private final Availability availability;
    private final Set<Integer> successExitCodes;
    private final Backoff backoff;
    private int count;

    Restarts(Availability availability, Set<Integer> successExitCodes, SupervisorConfig config) {
        this.availability = availability;
        this.successExitCodes = successExitCodes;
        this.backoff = new Backoff(availability.backoff(), availability.exponentialBackoff(),
                orDefault(availability.backoffFloor(), config.backoffFloor()), config.backoffCap(),
                orDefault(availability.backoffReset(), config.healthyResetWindow()));
    }

    /** A per-process setting, where null means the supervisor's. */
    private static Duration orDefault(Duration own, Duration fallback) {
        return own != null ? own : fallback;
    }

    int count() {
        return count;
    }

    /** Counts a restart that no policy asked for (liveness). */
    void countExtra() {
        count++;
    }

    boolean isFailure(int exitCode) {
        return !successExitCodes.contains(exitCode);
    }

    /**
     * Process Compose's rules: {@code always} restarts after any exit, {@code on_failure} after a failure, both
     * up to {@code max_restarts}; {@code exit_on_failure} never restarts and ends the stack on a failure;
     * {@code exit_on_end} ends it once the process ends for good.
     *
     * @param failedAnyway the run was stopped because a probe failed: a failure whatever its exit code
     */
    Decision afterExit(int exitCode, Duration uptime, boolean failedAnyway) {
        boolean failed = failedAnyway || isFailure(exitCode);
        RestartPolicy policy = availability.restart();
        boolean wanted = policy == RestartPolicy.ALWAYS || failed && policy == RestartPolicy.ON_FAILURE;
        int max = availability.maxRestarts();
        if (wanted && (max <= 0 || count < max)) {
            count++;
            return new Decision(true, backoff.next(uptime), failed, null);
        }
        boolean endsStack = failed && policy == RestartPolicy.EXIT_ON_FAILURE || availability.exitOnEnd();
        return new Decision(false, Duration.ZERO, failed, endsStack ? (failed ? exitCode : 0) : null);
    }

    Decision afterExit(int exitCode, Duration uptime) {
        return afterExit(exitCode, uptime, false);
    }
}
