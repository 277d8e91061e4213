package dev.pitstop.cli.self;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.command.Subcommand;
import dev.pitstop.cli.help.CommandModel;
import dev.pitstop.cli.help.Version;
import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.core.trust.Evidence;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pitstop self update [--version TAG] [--force]} and {@code pitstop self rollback [VERSION]}: Pitstop
 * replacing its own installation with a newer release, verified like any binary it fetches ({@link SelfUpdate}).
 */
public final class SelfCommand implements Subcommand, Callable<Integer> {
    private final PitstopCommand root;
    private final CommandSpec spec;
    private final boolean update;
    private final OptionSpec force;
    private final OptionSpec json;
    private final OptionSpec version;
    private final PositionalParamSpec to;

    private SelfCommand(PitstopCommand root, boolean update) {
        this.root = root;
        this.update = update;
        spec = CommandModel.command(this, update ? "update" : "rollback", update
                ? "Install the newest Pitstop release (or --version TAG) over this one: fetched from GitHub, checked "
                        + "against its published SHA-256 and minisign signature, kept in the store; the previous "
                        + "release stays installed for pitstop self rollback."
                : "Go back to the previous Pitstop release, or to VERSION.");
        force = flag("--force", update ? "Reinstall even the running version, or one marked bad."
                : "Use a release that was marked bad.");
        json = flag("--json", "Print JSON instead of text.");
        if (update) {
            version = OptionSpec.builder("--version").type(String.class).paramLabel("TAG")
                    .description("The release tag to install (default: the latest release).").build();
            spec.addOption(version);
            to = null;
        } else {
            version = null;
            to = PositionalParamSpec.builder().paramLabel("VERSION").type(String.class).arity("0..1")
                    .description("A version (or SHA-256 prefix) from the installation's history; default: the "
                            + "previous one.").build();
            spec.addPositional(to);
        }
    }

    /** The {@code self} group. */
    public static Subcommand group(PitstopCommand root) {
        return new Group(root);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        Installation installation = Installation.of(System.getProperty("pitstop.root"));
        String running = Version.current();
        SelfUpdate self = new SelfUpdate(installation, new LocalPitstop(root.home()).injector());
        boolean forced = Boolean.TRUE.equals(force.getValue());
        SelfUpdate.Outcome outcome = update ? self.update(running, version.getValue(), forced)
                : self.rollback(running, to.getValue(), forced);
        PrintWriter out = spec.commandLine().getOut();
        if (Boolean.TRUE.equals(json.getValue())) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("from", outcome.from());
            value.put("to", outcome.to());
            value.put("changed", outcome.changed());
            value.put("evidence", outcome.evidence());
            out.print(LocalPitstop.json(value));
        } else if (!outcome.changed()) {
            out.println("pitstop " + outcome.from() + " is the latest release; nothing to do");
        } else {
            String evidence = outcome.evidence().stream().map(Evidence::kind).distinct().collect(Collectors.joining(", "));
            out.println("pitstop " + (update ? "updated " : "rolled back ") + outcome.from() + " \u2192 " + outcome.to()
                    + (evidence.isEmpty() ? "" : " (verified: " + evidence + ")")
                    + (update ? "; back with: pitstop self rollback" : ""));
        }
        out.flush();
        return 0;
    }

    private OptionSpec flag(String name, String description) {
        OptionSpec option = OptionSpec.builder(name).type(boolean.class).description(description).build();
        spec.addOption(option);
        return option;
    }

    /** {@code pitstop self}: only groups {@code update} and {@code rollback}; alone, it prints its usage. */
    private static final class Group implements Subcommand, Callable<Integer> {
        private final CommandSpec spec = CommandModel.command(this, "self", "Update this Pitstop installation, or roll it back.");

        Group(PitstopCommand root) {
            spec.addSubcommand("update", new SelfCommand(root, true).spec());
            spec.addSubcommand("rollback", new SelfCommand(root, false).spec());
        }

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }
}
