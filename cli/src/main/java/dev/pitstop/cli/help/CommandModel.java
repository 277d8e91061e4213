package dev.pitstop.cli.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Builds and walks the picocli model that help, completion and man pages are made from. */
public final class CommandModel {
    private CommandModel() {}

    /** A command's model with the usual {@code -h/--help}; {@code userObject} runs it ({@code null}: a group). */
    public static CommandSpec command(Object userObject, String name, String... description) {
        CommandSpec spec = userObject == null ? CommandSpec.create() : CommandSpec.wrapWithoutInspection(userObject);
        spec.name(name);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        return spec;
    }

    /** The command a path of names leads to ({@code [manifest, sign]}), or {@code null}. */
    static CommandLine find(CommandLine root, List<String> names) {
        CommandLine at = root;
        for (String name : names) {
            at = at.getSubcommands().get(name);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** Every command below {@code root} (not itself) that help shows, depth first, in help order. */
    static List<CommandLine> descendants(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : visible(root).entrySet()) {
            all.add(sub.getValue());
            all.addAll(descendants(sub.getValue()));
        }
        return all;
    }

    /** The subcommands help lists: not hidden, each once (aliases are not separate commands). */
    static Map<String, CommandLine> visible(CommandLine command) {
        Map<String, CommandLine> subs = new java.util.LinkedHashMap<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())) {
                subs.put(name, sub);
            }
        });
        return subs;
    }

    /** The options help lists, without the hidden ones. */
    static List<OptionSpec> options(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    /** The first line of a description, for one-line listings. */
    static String summary(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    static String description(ArgSpec arg) {
        return String.join(" ", arg.description()).replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue()));
    }

    /** Whether an option takes a value (a flag does not). */
    static boolean takesValue(OptionSpec option) {
        return option.typeInfo().getType() != boolean.class && option.typeInfo().getType() != Boolean.class
                && !option.usageHelp() && !option.versionHelp();
    }

    /** The full name of a command: {@code pitstop manifest sign}. */
    static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ");
    }
}
