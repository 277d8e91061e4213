package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f FILE} and {@code --json}, shared by the commands that do not use {@code -f} for following. */
public final class StackOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The stack file; its folder holds .pitstop/pitstop.sock. Default: pitstop.yaml, "
                    + "process-compose.yaml, process-compose.yml or compose.yaml in the current folder.")
    Path file;

    @Option(names = "--json", description = "Print the control API's JSON instead of text.")
    boolean json;

    public Path file() {
        return file;
    }
}
