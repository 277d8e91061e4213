package dev.pitstop.supervisor;

import dev.pitstop.core.stack.Availability;
import dev.pitstop.core.stack.RestartPolicy;
import java.time.Duration;
import java.util.Set;

/** Applies {@code availability} to an exit: restart after a delay, or give up. Not thread-safe: used under a lock. */
final class Restarts {
    /** What to do after an exit. */
    record Decision(boolean restart, Duration delay, boolean failed, boolean stopStack) {}

    private final Availability availability;
    private final Set<Integer> successExitCodes;
    private final Backoff backoff;
    private int count;

    Restarts(Availability availability, Set<Integer> successExitCodes, SupervisorConfig config) {
        this.availability = availability;
        this.successExitCodes = successExitCodes;
        this.backoff = new Backoff(availability.backoffSeconds(), config.backoffCap(), config.healthyResetWindow());
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

    Decision afterExit(int exitCode, Duration uptime) {
        boolean failed = isFailure(exitCode);
        RestartPolicy policy = availability.restart();
        boolean wanted = policy == RestartPolicy.ALWAYS
                || failed && (policy == RestartPolicy.ON_FAILURE || policy == RestartPolicy.EXIT_ON_FAILURE);
        int max = availability.maxRestarts();
        if (wanted && (max <= 0 || count < max)) {
            count++;
            return new Decision(true, backoff.next(uptime), failed, false);
        }
        return new Decision(false, Duration.ZERO, failed, failed && policy == RestartPolicy.EXIT_ON_FAILURE);
    }
}
