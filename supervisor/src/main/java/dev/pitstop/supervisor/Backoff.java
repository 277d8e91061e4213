package dev.pitstop.supervisor;

import java.time.Duration;

/**
 * Restart delay: {@code backoff_seconds}, doubled per consecutive failure up to a cap, and back to the initial
 * delay once a run stayed up for the reset window (Pitstop extension; Process Compose uses a fixed delay).
 */
final class Backoff {
    /** A floor that keeps a crash loop with {@code backoff_seconds: 0} from spinning. */
    private static final double MIN_SECONDS = 0.05;

    private final double initialSeconds;
    private final Duration cap;
    private final Duration resetAfter;
    private int consecutive;

    Backoff(double initialSeconds, Duration cap, Duration resetAfter) {
        this.initialSeconds = Math.max(MIN_SECONDS, initialSeconds);
        this.cap = cap;
        this.resetAfter = resetAfter;
    }

    /** The delay before the next start, given how long the run that just ended was up. */
    synchronized Duration next(Duration uptime) {
        if (uptime.compareTo(resetAfter) >= 0) {
            consecutive = 0;
        }
        double seconds = initialSeconds * Math.pow(2, Math.min(consecutive, 30));
        consecutive++;
        Duration delay = Duration.ofMillis(Math.round(seconds * 1000));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
