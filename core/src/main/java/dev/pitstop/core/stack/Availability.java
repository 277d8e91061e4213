package dev.pitstop.core.stack;

/**
 * Restart policy. {@code backoffSeconds} is the first delay; Pitstop doubles it per consecutive
 * failure up to {@code maxBackoffSeconds} and resets it once the process stayed up for a while.
 *
 * @param maxRestarts 0 means no limit
 */
public record Availability(RestartPolicy restart, double backoffSeconds, int maxRestarts) {
    public static final Availability DEFAULT = new Availability(RestartPolicy.NO, 1, 0);
    /** Cap of the exponential backoff. */
    public static final double MAX_BACKOFF_SECONDS = 60;
}
