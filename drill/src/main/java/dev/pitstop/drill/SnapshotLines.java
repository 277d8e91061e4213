package dev.pitstop.drill;

import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.SnapshotDiff;
import dev.pitstop.core.store.SnapshotDiff.Change;
import java.util.Locale;
import java.util.stream.Collectors;

/** One line of the report per process that changed between the snapshots before and after the drill. */
final class SnapshotLines {
    private SnapshotLines() {}

    static String line(SnapshotDiff.Entry e) {
        String changes = e.changes().stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        return e.name() + ": " + changes + " (" + describe(e.before()) + " \u2192 " + describe(e.after()) + ")";
    }

    /**
     * A reload changes pids; anything else (another binary, another version, a process gone) is drift. The
     * executable counts only for a managed binary: a process started through a shell runs the shell until it
     * execs its program, so a snapshot taken at that moment sees another executable with nothing wrong.
     */
    static boolean drifted(SnapshotDiff.Entry e) {
        boolean managed = e.before() != null && e.before().version() != null
                || e.after() != null && e.after().version() != null;
        return managed && e.has(Change.BINARY_CHANGED) || e.has(Change.VERSION_CHANGED) || e.has(Change.ADDED)
                || e.has(Change.REMOVED);
    }

    private static String describe(ProcessSnapshot p) {
        if (p == null) {
            return "-";
        }
        return "pid " + p.pid() + (p.executable() == null ? "" : ", " + p.executable().shortHex())
                + (p.version() == null ? "" : ", " + p.version());
    }
}
