package dev.pitstop.cli.command;

import dev.pitstop.cli.client.StackLocation;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Builders for the options and parameters the subcommands share. */
final class Specs {
    private Specs() {}

    static CommandSpec command(Object userObject, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject);
        spec.name(name);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        return spec;
    }

    static OptionSpec flag(CommandSpec spec, String description, String... names) {
        OptionSpec option = OptionSpec.builder(names).type(boolean.class).description(description).build();
        spec.addOption(option);
        return option;
    }

    static OptionSpec file(CommandSpec spec, String... names) {
        OptionSpec option = OptionSpec.builder(names).type(Path.class).paramLabel("FILE")
                .description("The stack file; its folder holds .pitstop/pitstop.sock. Default: the first of "
                        + String.join(", ", StackLocation.DEFAULT_NAMES) + " in the current folder.")
                .build();
        spec.addOption(option);
        return option;
    }

    /** {@code -f} that may be given several times: the files are merged in order, as by Process Compose. */
    static OptionSpec files(CommandSpec spec, String... names) {
        OptionSpec option = OptionSpec.builder(names).type(List.class).auxiliaryTypes(Path.class).paramLabel("FILE")
                .arity("1")
                .description("The stack file; its folder holds .pitstop/pitstop.sock. Repeat it to merge more files "
                        + "onto the first, as Process Compose does. Default: the stack file in the current folder, "
                        + "with its process-compose.override.yaml (or compose.override.yaml) if there is one.")
                .build();
        spec.addOption(option);
        return option;
    }

    static OptionSpec json(CommandSpec spec) {
        return flag(spec, "Print the control API's JSON instead of text.", "--json");
    }

    static PositionalParamSpec name(CommandSpec spec, String description) {
        PositionalParamSpec name = PositionalParamSpec.builder().paramLabel("NAME").type(String.class).arity("1").required(true)
                .description(description).build();
        spec.addPositional(name);
        return name;
    }

    static PositionalParamSpec names(CommandSpec spec, String description) {
        PositionalParamSpec names = PositionalParamSpec.builder().paramLabel("NAME").type(List.class)
                .auxiliaryTypes(String.class).arity("1..*").required(true).description(description).build();
        spec.addPositional(names);
        return names;
    }

    /** Zero or more names: all of the stack's when none is given. */
    static PositionalParamSpec optionalNames(CommandSpec spec, String description) {
        PositionalParamSpec names = PositionalParamSpec.builder().paramLabel("NAME").type(List.class)
                .auxiliaryTypes(String.class).arity("0..*").description(description).build();
        spec.addPositional(names);
        return names;
    }

    static PositionalParamSpec path(CommandSpec spec, String label, String description) {
        PositionalParamSpec path = PositionalParamSpec.builder().paramLabel(label).type(Path.class).arity("1")
                .required(true).description(description).build();
        spec.addPositional(path);
        return path;
    }

    static OptionSpec option(CommandSpec spec, Class<?> type, String label, String description, String... names) {
        OptionSpec option = OptionSpec.builder(names).type(type).paramLabel(label).description(description).build();
        spec.addOption(option);
        return option;
    }

    static OptionSpec defaulted(CommandSpec spec, Class<?> type, String label, String defaultValue,
                                String description, String... names) {
        OptionSpec option = OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .description(description).build();
        spec.addOption(option);
        return option;
    }

    static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }
}
