package dev.pitstop.cli.help;

import dev.pitstop.cli.command.Subcommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop help [COMMAND...]}: the usage of pitstop, or of a (nested) command such as {@code manifest sign}. */
public final class HelpCommand implements Subcommand, Callable<Integer> {
    private final CommandSpec spec;
    private final PositionalParamSpec command;

    public HelpCommand() {
        spec = CommandModel.command(this, "help", "Show the usage of pitstop or of a command (pitstop help manifest sign).");
        command = PositionalParamSpec.builder().paramLabel("COMMAND").type(List.class).auxiliaryTypes(String.class)
                .arity("0..*").description("The command, and subcommand of a group.").build();
        spec.addPositional(command);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        List<String> names = command.getValue() == null ? List.of() : command.getValue();
        CommandLine target = CommandModel.find(root, names);
        if (target == null) {
            root.getErr().println("pitstop: no command '" + String.join(" ", names) + "'; see pitstop help");
            return 2;
        }
        target.usage(root.getOut());
        return 0;
    }
}
