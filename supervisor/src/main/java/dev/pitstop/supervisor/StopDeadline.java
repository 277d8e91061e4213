package dev.pitstop.supervisor;

import dev.pitstop.core.stack.ShutdownSpec;
import java.time.Duration;
import java.util.Collection;

/**
 * How long stopping one process takes at most, from its {@code shutdown}: the grace period (never infinite), then
 * SIGKILL and a bounded wait for the leader and the group. The one value every stop and every waiter uses.
 *
 * @param grace how long the process may take to exit after it was asked to
 */
record StopDeadline(Duration grace) {
    /** {@code timeout_seconds} unset (or 0, as in Process Compose) means this. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    /** After SIGKILL: for the leader to be reaped, then again for the group to empty. */
    static final Duration AFTER_KILL = Duration.ofSeconds(5);
    /** What a caller waits beyond the grace period: both waits after SIGKILL, strays, and slack for a busy host. */
    static final Duration MARGIN = AFTER_KILL.multipliedBy(3);

    static StopDeadline of(ShutdownSpec s) {
        return new StopDeadline(s.timeout().isZero() || s.timeout().isNegative() ? DEFAULT_GRACE : s.timeout());
    }

    /** How long a caller waits for the stop to finish before it reports it as stuck. */
    Duration bound() {
        return grace.plus(MARGIN);
    }

    /** The bound for stopping all of {@code deadlines}: in parallel the longest, one after another their sum. */
    static Duration boundOfAll(Collection<StopDeadline> deadlines, boolean oneAfterAnother) {
        Duration grace = Duration.ZERO;
        for (StopDeadline d : deadlines) {
            grace = oneAfterAnother ? grace.plus(d.grace()) : grace.compareTo(d.grace()) < 0 ? d.grace() : grace;
        }
        return grace.plus(MARGIN);
    }
}
