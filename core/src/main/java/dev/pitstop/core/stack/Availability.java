package dev.pitstop.core.stack;

/**
 * Restart policy. As in Process Compose, {@code backoffSeconds} is the fixed delay before each restart
 * (0 means 1 s). With {@code exponentialBackoff} (Pitstop's {@code backoff: exponential}) it is the first
 * delay instead, doubled per consecutive failure up to {@link #MAX_BACKOFF_SECONDS} and reset once the
 * process stayed up for a while.
 *
 * @param maxRestarts 0 means no limit
 * @param exitOnEnd Process Compose's {@code exit_on_end}: when this process ends, the whole stack stops
 * @param exitOnSkipped Process Compose's {@code exit_on_skipped}: when this process is skipped (a dependency
 *                      can never be met), the whole stack stops
 */
public record Availability(RestartPolicy restart, double backoffSeconds, int maxRestarts, boolean exitOnEnd,
                           boolean exitOnSkipped, boolean exponentialBackoff) {
    public static final Availability DEFAULT = new Availability(RestartPolicy.NO, 1, 0);
    /** Cap of the exponential backoff. */
    public static final double MAX_BACKOFF_SECONDS = 60;

    public Availability(RestartPolicy restart, double backoffSeconds, int maxRestarts) {
        this(restart, backoffSeconds, maxRestarts, false, false, false);
    }
}
