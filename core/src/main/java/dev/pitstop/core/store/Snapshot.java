package dev.pitstop.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** What ran, from which binary, at one moment; compare two with {@link StackInspector#diff}. */
public record Snapshot(Instant takenAt, SortedMap<String, ProcessSnapshot> processes) {
    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        processes = processes == null ? new TreeMap<>() : new TreeMap<>(processes);
    }

    @Override
    public SortedMap<String, ProcessSnapshot> processes() {
        return java.util.Collections.unmodifiableSortedMap(processes);
    }
}
