package dev.pitstop.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that only prints a line: {@code version}, and {@code attach}, which Process Compose users call to
 * reach its terminal UI and which Pitstop, having none, answers by pointing to {@code ps} and {@code logs -f}.
 */
public final class NoticeCommand implements Subcommand, Callable<Integer> {
    private final CommandSpec spec;
    private final String text;
    private final int exitCode;

    private NoticeCommand(String name, String description, String text, int exitCode) {
        this.spec = Specs.command(this, name, description);
        this.text = text;
        this.exitCode = exitCode;
        // Process Compose's attach takes connection options; accepted and ignored, the answer is the same
        spec.parser().unmatchedArgumentsAllowed(exitCode != 0);
    }

    public static NoticeCommand version(String version) {
        return new NoticeCommand("version", "Print the version.", version, 0);
    }

    public static NoticeCommand attach() {
        return new NoticeCommand("attach", "Process Compose's terminal UI; Pitstop has none (see the text printed).",
                "pitstop has no terminal UI: 'pitstop ps' shows the processes, 'pitstop logs -f NAME' follows one, "
                        + "'pitstop events -f' follows the stack", 1);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        (exitCode == 0 ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(text);
        return exitCode;
    }
}
