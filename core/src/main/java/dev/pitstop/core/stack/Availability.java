package dev.pitstop.core.stack;

/**
 * Restart policy. {@code backoffSeconds} is the first delay; Pitstop doubles it per consecutive
 * failure up to {@code maxBackoffSeconds} and resets it once the process stayed up for a while.
 *
 * @param maxRestarts 0 means no limit
 * @param exitOnEnd Process Compose's {@code exit_on_end}: when this process ends, the whole stack stops
 * @param exitOnSkipped Process Compose's {@code exit_on_skipped}: when this process is skipped (a dependency
 *                      can never be met), the whole stack stops
 */
public record Availability(RestartPolicy restart, double backoffSeconds, int maxRestarts, boolean exitOnEnd,
                           boolean exitOnSkipped) {
    public static final Availability DEFAULT = new Availability(RestartPolicy.NO, 1, 0);
    /** Cap of the exponential backoff. */
    public static final double MAX_BACKOFF_SECONDS = 60;

    public Availability(RestartPolicy restart, double backoffSeconds, int maxRestarts) {
        this(restart, backoffSeconds, maxRestarts, false, false);
    }
}
