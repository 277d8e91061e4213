package dev.pitstop.drill;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A phase of the drill, in the order it runs; {@code --phases} names them in lower case. */
public enum Phase {
    /** Every running process reloaded once, one at a time. */
    SINGLE,
    /** Every running process reloaded at once, {@code rounds} times. */
    PARALLEL,
    /** Each process that others depend on reloaded; its dependents follow their {@code on_dependency_reload}. */
    CASCADE,
    /** {@code rounds} consecutive reloads of one process, timed, with leak checks. */
    RAPID,
    /** Broken candidates of every managed binary offered through the real swap path. */
    FAILURE,
    /** The {@code drill:} section's checks (and the built-in JetStream check) around all the other phases. */
    INTEGRITY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code single,parallel}; a one-line error names the phases there are. */
    public static Set<Phase> parse(String list) {
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String part : list.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                phases.add(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no drill phase '" + name + "'; the phases are "
                        + "single, parallel, cascade, rapid, failure, integrity");
            }
        }
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("--phases names no phase");
        }
        return phases;
    }
}
