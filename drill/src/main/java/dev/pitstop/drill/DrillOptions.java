package dev.pitstop.drill;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to drill.
 *
 * @param phases the phases to run (they run in {@link Phase} order whatever the order given)
 * @param rounds rounds of the parallel phase and reloads of the rapid phase
 * @param readyTimeout how long a process may take to be ready again after a reload (beyond its own reload timeout)
 */
public record DrillOptions(Set<Phase> phases, int rounds, Duration readyTimeout) {
    public static final int DEFAULT_ROUNDS = 10;

    public DrillOptions {
        phases = phases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(phases);
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
        }
        Objects.requireNonNull(readyTimeout, "readyTimeout");
    }

    /** Every phase, {@value #DEFAULT_ROUNDS} rounds. */
    public static DrillOptions all() {
        return new DrillOptions(EnumSet.allOf(Phase.class), DEFAULT_ROUNDS, Duration.ofSeconds(30));
    }

    public DrillOptions withPhases(Set<Phase> chosen) {
        return new DrillOptions(chosen, rounds, readyTimeout);
    }

    public DrillOptions withRounds(int n) {
        return new DrillOptions(phases, n, readyTimeout);
    }

    public boolean has(Phase phase) {
        return phases.contains(phase);
    }
}
