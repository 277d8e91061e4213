package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.core.store.ManifestStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** A command that needs no running stack: it builds what it needs in this process ({@link LocalPitstop}). */
abstract class LocalCommand implements Subcommand, Callable<Integer> {
    final PitstopCommand root;
    final CommandSpec spec;
    final OptionSpec json;
    /** {@code -f/--file}, or {@code null} for commands that do not concern one stack. */
    final OptionSpec file;

    LocalCommand(PitstopCommand root, String name, boolean stackFile, String... description) {
        this.root = root;
        this.spec = Specs.command(this, name, description);
        this.file = stackFile ? Specs.file(spec, "-f", "--file") : null;
        this.json = Specs.flag(spec, "Print JSON instead of text.", "--json");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    LocalPitstop local() {
        return new LocalPitstop(root.home());
    }

    /** {@code pitstop.lock.json} next to the stack file. */
    Path lockFile() {
        return StackLocation.find(file.getValue(), root.workDir()).requireFile()
                .resolveSibling(ManifestStore.FILE_NAME);
    }

    Path resolve(Path path) {
        return root.workDir().resolve(path).toAbsolutePath().normalize();
    }

    /** Prints {@code value} as JSON with {@code --json}, else {@code text}; returns {@code code}. */
    int emit(int code, Object value, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(Specs.isSet(json) ? LocalPitstop.json(value) : text);
        out.flush();
        return code;
    }

    /** {@code 16.0 MiB}, {@code 812 KiB}, {@code 96 B}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
