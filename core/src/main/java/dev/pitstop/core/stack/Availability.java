package dev.pitstop.core.stack;

import java.time.Duration;

/**
 * Restart policy. As in Process Compose, {@code backoff} is the fixed delay before each restart, except that 0
 * restarts at once after the first crash and, for each consecutive crash, after {@code backoffFloor} doubled up to
 * Process Compose's 1 s. With {@code exponentialBackoff} (Pitstop's {@code backoff: exponential}) it is the first
 * delay instead, doubled per consecutive failure up to {@link #MAX_BACKOFF}. A run that stayed up for
 * {@code backoffReset} ends a series of consecutive crashes.
 *
 * @param maxRestarts 0 means no limit
 * @param exitOnEnd Process Compose's {@code exit_on_end}: when this process ends, the whole stack stops
 * @param exitOnSkipped Process Compose's {@code exit_on_skipped}: when this process is skipped (a dependency
 *                      can never be met), the whole stack stops
 * @param backoffFloor Pitstop's {@code backoff_floor_seconds}: the shortest delay of a consecutive crash's restart;
 *                     {@code null} means the supervisor's default (50 ms)
 * @param backoffReset Pitstop's {@code backoff_reset_seconds}: how long a run must stay up so that its crash counts
 *                     as a first one again; {@code null} means the supervisor's default (10 s)
 */
public record Availability(RestartPolicy restart, Duration backoff, int maxRestarts, boolean exitOnEnd,
                           boolean exitOnSkipped, boolean exponentialBackoff, Duration backoffFloor,
                           Duration backoffReset) {
    public static final Availability DEFAULT = new Availability(RestartPolicy.NO, Duration.ofSeconds(1), 0);
    /** Cap of the exponential backoff. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    public Availability {
        backoff = backoff == null ? Duration.ZERO : backoff;
        if (backoffFloor != null && (backoffFloor.isZero() || backoffFloor.isNegative())) {
            throw new IllegalArgumentException("backoffFloor must be positive (or null), not " + backoffFloor);
        }
        if (backoffReset != null && (backoffReset.isZero() || backoffReset.isNegative())) {
            throw new IllegalArgumentException("backoffReset must be positive (or null), not " + backoffReset);
        }
    }

    public Availability(RestartPolicy restart, Duration backoff, int maxRestarts) {
        this(restart, backoff, maxRestarts, false, false, false);
    }

    public Availability(RestartPolicy restart, Duration backoff, int maxRestarts, boolean exitOnEnd,
                        boolean exitOnSkipped, boolean exponentialBackoff) {
        this(restart, backoff, maxRestarts, exitOnEnd, exitOnSkipped, exponentialBackoff, null, null);
    }
}
