package dev.pitstop.core.stack;

import java.time.Duration;

/**
 * Restart policy. As in Process Compose, {@code backoff} is the fixed delay before each restart
 * (0 means 1 s). With {@code exponentialBackoff} (Pitstop's {@code backoff: exponential}) it is the first
 * delay instead, doubled per consecutive failure up to {@link #MAX_BACKOFF} and reset once the
 * process stayed up for a while.
 *
 * @param maxRestarts 0 means no limit
 * @param exitOnEnd Process Compose's {@code exit_on_end}: when this process ends, the whole stack stops
 * @param exitOnSkipped Process Compose's {@code exit_on_skipped}: when this process is skipped (a dependency
 *                      can never be met), the whole stack stops
 */
public record Availability(RestartPolicy restart, Duration backoff, int maxRestarts, boolean exitOnEnd,
                           boolean exitOnSkipped, boolean exponentialBackoff) {
    public static final Availability DEFAULT = new Availability(RestartPolicy.NO, Duration.ofSeconds(1), 0);
    /** Cap of the exponential backoff. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    public Availability {
        backoff = backoff == null ? Duration.ZERO : backoff;
    }

    public Availability(RestartPolicy restart, Duration backoff, int maxRestarts) {
        this(restart, backoff, maxRestarts, false, false, false);
    }
}
