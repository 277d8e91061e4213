package dev.pitstop.core;

import java.util.List;
import java.util.Objects;

/**
 * The binaries an operation concerns: every binary of the stack, or the named ones (each must exist).
 *
 * @param names the named binaries; empty means all of them
 */
public record BinarySelection(List<String> names) {
    private static final BinarySelection ALL = new BinarySelection(List.of());

    public BinarySelection {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
    }

    public static BinarySelection all() {
        return ALL;
    }

    public static BinarySelection of(String... names) {
        return new BinarySelection(List.of(names));
    }

    /** The named binaries; an empty list selects all. */
    public static BinarySelection of(List<String> names) {
        return names == null || names.isEmpty() ? ALL : new BinarySelection(names);
    }

    public boolean isAll() {
        return names.isEmpty();
    }
}
