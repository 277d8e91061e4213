package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.GcReport;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.cli.text.TextColumns;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** {@code pitstop store ls} and {@code pitstop store gc [--dry-run] [--keep N]}. */
public final class StoreCommand extends LocalCommand {
    private final boolean gc;
    private final OptionSpec dryRun;
    private final OptionSpec keep;

    private StoreCommand(PitstopCommand root, String name, boolean gc, String description) {
        super(root, name, false, description);
        this.gc = gc;
        this.dryRun = gc ? Specs.flag(spec, "List what would be deleted; delete nothing.", "--dry-run") : null;
        this.keep = gc ? Specs.defaulted(spec, int.class, "N", "3", "Earlier versions kept per binary besides current and "
                + "candidate (default: ${DEFAULT-VALUE}).", "--keep") : null;
    }

    static StoreCommand ls(PitstopCommand root) {
        return new StoreCommand(root, "ls", false, "List the stored binaries: SHA-256, name, size, path.");
    }

    static StoreCommand gc(PitstopCommand root) {
        return new StoreCommand(root, "gc", true, "Delete stored binaries no manifest of yours needs: each keeps "
                + "its current and candidate versions and the N most recent earlier ones.");
    }

    @Override
    public Integer call() {
        LocalPitstop local = local();
        BinaryStore store = local.get(BinaryStore.class);
        if (!gc) {
            List<StoredBinary> all = store.list();
            return emit(0, all, all.isEmpty() ? "the store is empty (" + local.get(PitstopHome.class).store() + ")\n"
                    : table(all));
        }
        int n = keep.getValue();
        if (n < 0) {
            throw new ParameterException(spec.commandLine(), "--keep must not be negative, not " + n);
        }
        GcReport report = store.gc(local.get(ManifestStore.class).retained(n), Specs.isSet(dryRun));
        return emit(0, report, text(report));
    }

    static String text(GcReport r) {
        String files = r.removed().size() == 1 ? " file, " : " files, ";
        StringBuilder out = new StringBuilder(r.dryRun() ? "would remove " : "removed ").append(r.removed().size())
                .append(files).append(size(r.bytes())).append(r.removed().isEmpty() ? "\n" : ":\n");
        if (!r.removed().isEmpty()) {
            out.append(table(r.removed()).lines().map(l -> "  " + l + "\n").reduce("", String::concat));
        }
        return out.append(r.dryRun() ? "would keep " : "kept ").append(r.kept().size())
                .append(r.kept().size() == 1 ? " file\n" : " files\n").toString();
    }

    static String table(List<StoredBinary> binaries) {
        List<String[]> rows = new ArrayList<>();
        for (StoredBinary b : binaries) {
            rows.add(new String[] {b.sha256().shortHex(), b.name(), size(b.size()), b.path().toString()});
        }
        return TextColumns.align(rows);
    }
}
