package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.SnapshotDiff;
import dev.pitstop.core.store.SnapshotDiff.Change;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.cli.text.TextColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop diff A B}: what changed per process between two snapshot files. */
public final class DiffCommand extends LocalCommand {
    private final PositionalParamSpec before;
    private final PositionalParamSpec after;

    public DiffCommand(PitstopCommand root) {
        super(root, "diff", false, "Compare two snapshot files (pitstop snapshot -o) per process: unchanged, "
                + "added, removed, or restarted / binary-changed / version-changed.");
        this.before = Specs.path(spec, "A", "The earlier snapshot.");
        this.after = Specs.path(spec, "B", "The later snapshot.");
    }

    @Override
    public Integer call() {
        StackInspector inspector = local().get(StackInspector.class);
        SnapshotDiff diff = inspector.diff(inspector.read(resolve(before.getValue())),
                inspector.read(resolve(after.getValue())));
        return emit(0, diff, text(diff));
    }

    static String text(SnapshotDiff diff) {
        if (diff.entries().isEmpty()) {
            return "no processes in either snapshot\n";
        }
        List<String[]> rows = new ArrayList<>();
        for (SnapshotDiff.Entry e : diff.entries().values()) {
            String changes = e.changes().stream().sorted().map(DiffCommand::word).collect(Collectors.joining(", "));
            rows.add(new String[] {e.name(), changes, detail(e)});
        }
        return TextColumns.align(rows);
    }

    static String word(Change change) {
        return change.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String detail(SnapshotDiff.Entry e) {
        ProcessSnapshot a = e.before();
        ProcessSnapshot b = e.after();
        if (a == null) {
            return describe(b);
        }
        if (b == null) {
            return describe(a);
        }
        List<String> parts = new ArrayList<>();
        if (e.has(Change.RESTARTED)) {
            parts.add("pid " + a.pid() + " \u2192 " + b.pid());
        }
        if (e.has(Change.BINARY_CHANGED)) {
            parts.add("sha256 " + shortSha(a) + " \u2192 " + shortSha(b));
        }
        if (e.has(Change.VERSION_CHANGED)) {
            parts.add(orDash(a.version()) + " \u2192 " + orDash(b.version()));
        }
        return parts.isEmpty() ? describe(b) : String.join(", ", parts);
    }

    private static String describe(ProcessSnapshot p) {
        return "pid " + p.pid() + (p.version() == null ? "" : ", " + p.version());
    }

    private static String shortSha(ProcessSnapshot p) {
        return p.executable() == null ? "-" : p.executable().shortHex();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
