package dev.pitstop.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Per process name, what changed between two snapshots. */
public record SnapshotDiff(SortedMap<String, Entry> entries) {
    public SnapshotDiff {
        entries = new TreeMap<>(entries);
    }

    /** How a process differs between the two snapshots. */
    public enum Change {
        /** In both, same PID and start time, same executable and version. */
        UNCHANGED,
        /** Only in the second snapshot. */
        ADDED,
        /** Only in the first snapshot. */
        REMOVED,
        /** The PID or the start time differ. */
        RESTARTED,
        /** The executable's SHA-256 differs. */
        BINARY_CHANGED,
        /** The manifest version differs. */
        VERSION_CHANGED
    }

    /**
     * @param changes {@code UNCHANGED}, {@code ADDED} or {@code REMOVED} alone, or any of the other three
     * @param before {@code null} if added
     * @param after {@code null} if removed
     */
    public record Entry(String name, Set<Change> changes, ProcessSnapshot before, ProcessSnapshot after) {
        public Entry {
            Objects.requireNonNull(name, "name");
            changes = Set.copyOf(changes);
        }

        public boolean has(Change change) {
            return changes.contains(change);
        }
    }

    public List<Entry> changed() {
        return entries.values().stream().filter(e -> !e.has(Change.UNCHANGED)).toList();
    }
}
