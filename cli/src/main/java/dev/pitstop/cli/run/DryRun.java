package dev.pitstop.cli.run;

import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code up --dry-run} / {@code config validate}: reads the stack as {@code up} would (every file, every check),
 * prints its warnings and what would run, and starts nothing. An error is thrown, so it is the usual one line
 * and exit code 1.
 */
public final class DryRun {
    private final List<Path> files;
    private final Path home;

    public DryRun(List<Path> files, Path home) {
        this.files = List.copyOf(files);
        this.home = home;
    }

    public int run(PrintWriter out) {
        Stack stack;
        try (var engine = new LocalPitstop(home).get(EngineFactory.class).open(files)) {
            stack = engine.stack();
        }
        stack.warnings().forEach(w -> out.println("warning: " + w));
        out.println("valid: " + String.join(", ", files.stream().map(Path::toString).toList()));
        for (ProcessSpec p : stack.processes().values()) {
            String what = p.command() != null ? p.command() : String.join(" ", p.entrypoint());
            out.println("  " + p.name() + (p.disabled() ? " (disabled)" : "") + ": " + what.strip().replace("\n", "; "));
        }
        return 0;
    }
}
