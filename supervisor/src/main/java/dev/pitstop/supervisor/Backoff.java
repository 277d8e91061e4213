package dev.pitstop.supervisor;

import java.time.Duration;

/**
 * Restart delay. Fixed, as Process Compose uses {@code backoff_seconds} (0 meaning 1 s); or, with Pitstop's
 * {@code backoff: exponential}, {@code backoff_seconds} doubled per consecutive failure up to a cap, and back to
 * the initial delay once a run stayed up for the reset window.
 */
final class Backoff {
    /** A floor that keeps a crash loop with {@code backoff_seconds: 0} from spinning. */
    private static final double MIN_SECONDS = 0.05;

    private final double initialSeconds;
    private final boolean growing;
    private final Duration cap;
    private final Duration resetAfter;
    private int consecutive;

    Backoff(double initialSeconds, Duration cap, Duration resetAfter) {
        this(Math.max(MIN_SECONDS, initialSeconds), true, cap, resetAfter);
    }

    private Backoff(double initialSeconds, boolean growing, Duration cap, Duration resetAfter) {
        this.initialSeconds = initialSeconds;
        this.growing = growing;
        this.cap = cap;
        this.resetAfter = resetAfter;
    }

    /** The same delay every time: {@code seconds}, or 1 s for 0 (Process Compose's {@code max(backoff, 1)}). */
    static Backoff fixed(double seconds) {
        return new Backoff(seconds <= 0 ? 1 : seconds, false, null, null);
    }

    /** The delay before the next start, given how long the run that just ended was up. */
    synchronized Duration next(Duration uptime) {
        if (!growing) {
            return Duration.ofMillis(Math.round(initialSeconds * 1000));
        }
        if (uptime.compareTo(resetAfter) >= 0) {
            consecutive = 0;
        }
        double seconds = initialSeconds * Math.pow(2, Math.min(consecutive, 30));
        consecutive++;
        Duration delay = Duration.ofMillis(Math.round(seconds * 1000));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
