package dev.pitstop.manifest;

import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.SnapshotDiff;
import dev.pitstop.core.store.SnapshotDiff.Change;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares two snapshots name by name. */
final class SnapshotDiffer {
    private SnapshotDiffer() {}

    static SnapshotDiff diff(Snapshot before, Snapshot after) {
        Set<String> names = new TreeSet<>(before.processes().keySet());
        names.addAll(after.processes().keySet());
        TreeMap<String, SnapshotDiff.Entry> entries = new TreeMap<>();
        for (String name : names) {
            ProcessSnapshot a = before.processes().get(name);
            ProcessSnapshot b = after.processes().get(name);
            entries.put(name, new SnapshotDiff.Entry(name, changes(a, b), a, b));
        }
        return new SnapshotDiff(entries);
    }

    private static Set<Change> changes(ProcessSnapshot a, ProcessSnapshot b) {
        if (a == null) {
            return EnumSet.of(Change.ADDED);
        }
        if (b == null) {
            return EnumSet.of(Change.REMOVED);
        }
        Set<Change> changes = EnumSet.noneOf(Change.class);
        if (a.pid() != b.pid() || !Objects.equals(a.startTime(), b.startTime())) {
            changes.add(Change.RESTARTED);
        }
        if (!Objects.equals(a.executable(), b.executable())) {
            changes.add(Change.BINARY_CHANGED);
        }
        if (!Objects.equals(a.version(), b.version())) {
            changes.add(Change.VERSION_CHANGED);
        }
        return changes.isEmpty() ? EnumSet.of(Change.UNCHANGED) : changes;
    }
}
