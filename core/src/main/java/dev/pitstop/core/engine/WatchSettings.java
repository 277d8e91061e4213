package dev.pitstop.core.engine;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;

/**
 * How a running stack follows {@code watch: true} binaries. Bind another instance to change it (tests use a
 * short quiet period):
 * <pre>{@code
 * Pitstop.injector(binder -> binder.bind(WatchSettings.class).toInstance(new WatchSettings(Duration.ofMillis(200))));
 * }</pre>
 *
 * @param quietPeriod how long a changed file's size and modification time must stay the same before it is
 *                    taken: a copy still being written is never stored half-way
 */
public record WatchSettings(Duration quietPeriod) {
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(500);

    public WatchSettings {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("quietPeriod must be positive: " + quietPeriod);
        }
    }

    /** The defaults: a quiet period of 500 ms. */
    @Inject
    public WatchSettings() {
        this(DEFAULT_QUIET_PERIOD);
    }
}
