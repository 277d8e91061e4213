package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** For {@code logs} and {@code events}, where {@code -f} means follow as in {@code tail -f}. */
final class FollowOptions {
    @Option(names = "--file", paramLabel = "FILE", description = "The stack file (see ps --help).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object per line instead of text.")
    boolean json;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new entries until interrupted.")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100",
            description = "How many earlier entries to print first (default: ${DEFAULT-VALUE}).")
    int lines;

    String query(picocli.CommandLine.Model.CommandSpec spec) {
        if (lines < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-n must not be negative, not " + lines);
        }
        return "n=" + lines + (follow ? "&follow=1" : "");
    }
}
