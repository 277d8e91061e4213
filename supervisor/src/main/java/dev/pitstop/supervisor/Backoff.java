package dev.pitstop.supervisor;

import java.time.Duration;

/**
 * Restart delay. The crashes of runs that ended within the reset window of each other are one series; the first
 * crash of a series is restarted after {@code backoff_seconds} and only the following ones wait longer:
 * <ul>
 * <li>fixed ({@code backoff_seconds} > 0, Process Compose): the same delay every time;</li>
 * <li>exponential ({@code backoff: exponential}): {@code backoff_seconds} (at least the floor), doubled per
 * consecutive crash, up to the cap;</li>
 * <li>{@code backoff_seconds: 0}: at once, then the floor doubled per consecutive crash, up to the cap, which for
 * fixed backoff is Process Compose's 1 s (what it waits for 0), so a crash loop settles where it would.</li>
 * </ul>
 */
final class Backoff {
    /** Process Compose's delay for {@code backoff_seconds: 0}, where a fixed-backoff crash loop settles. */
    static final Duration FIXED_ZERO_CAP = Duration.ofSeconds(1);

    private final Duration initial;
    private final boolean growing;
    private final Duration floor;
    private final Duration cap;
    private final Duration resetAfter;
    private int consecutive;

    /**
     * @param floor      the shortest delay of a consecutive crash's restart (keeps a crash loop from spinning)
     * @param resetAfter a run that stayed up this long starts a new series
     */
    Backoff(Duration given, boolean exponential, Duration floor, Duration cap, Duration resetAfter) {
        this.initial = exponential && !given.isZero() && given.compareTo(floor) < 0 ? floor : given;
        this.growing = exponential || given.isZero();
        this.floor = floor;
        this.cap = exponential ? cap : max(FIXED_ZERO_CAP, floor);
        this.resetAfter = resetAfter;
    }

    /** The delay before the next start, given how long the run that just ended was up. */
    synchronized Duration next(Duration uptime) {
        if (uptime.compareTo(resetAfter) >= 0) {
            consecutive = 0;
        }
        int k = consecutive;
        consecutive = Math.min(consecutive + 1, 62);
        if (!growing) {
            return initial;
        }
        Duration delay;
        if (initial.isZero()) {
            delay = k == 0 ? Duration.ZERO : doubled(floor, k - 1);
        } else {
            delay = doubled(initial, k);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private Duration doubled(Duration base, int times) {
        // beyond 2^40 every delay is past any cap; keeps the multiplication from overflowing
        return times >= 40 ? cap : base.multipliedBy(1L << times);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
