package dev.pitstop.cli;

import dev.pitstop.cli.command.ActionCommand;
import dev.pitstop.cli.command.DiffCommand;
import dev.pitstop.cli.command.DrillCommand;
import dev.pitstop.cli.command.EngineCommand;
import dev.pitstop.cli.command.FetchCommand;
import dev.pitstop.cli.command.FollowCommand;
import dev.pitstop.cli.command.Groups;
import dev.pitstop.cli.command.InstallCommand;
import dev.pitstop.cli.command.KeygenCommand;
import dev.pitstop.cli.command.NoticeCommand;
import dev.pitstop.cli.command.LockCommand;
import dev.pitstop.cli.command.PollCommand;
import dev.pitstop.cli.command.PsCommand;
import dev.pitstop.cli.command.ReloadCommand;
import dev.pitstop.cli.command.RollbackCommand;
import dev.pitstop.cli.command.SnapshotCommand;
import dev.pitstop.cli.command.StackCommand;
import dev.pitstop.cli.command.Subcommand;
import dev.pitstop.cli.command.TrustCommand;
import dev.pitstop.cli.command.UiCommand;
import dev.pitstop.cli.command.UpCommand;
import dev.pitstop.cli.help.CompletionCommand;
import dev.pitstop.cli.help.HelpCommand;
import dev.pitstop.cli.help.ManPagesCommand;
import dev.pitstop.cli.help.Version;
import dev.pitstop.cli.self.SelfCommand;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** The {@code pitstop} command: the options every subcommand shares, and the list of subcommands. */
public final class PitstopCommand implements Callable<Integer> {
    public static final int NOT_RUNNING = 3;

    /**
     * The subcommands, in help order. {@link Main} builds only the one a command line names (all of them for
     * help and errors), so a client command builds one small model; {@link #create} is a switch rather than a
     * map of constructor references, which would spin up one lambda class per command on every run.
     */
    static final List<String> SUBCOMMANDS = List.of("up", "ps", "logs", "reload", "restart", "start", "stop",
            "apply", "events", "down", "ui", "install", "rollback", "manifest", "verify", "snapshot", "diff", "fetch",
            "update", "outdated", "poll", "lock", "store", "keygen", "trust", "drill", "self", "help", "completion", "manpages",
            "process", "project", "config", "attach", "version");

    /** Commands that read the whole model (help, completion scripts, man pages): every subcommand is built. */
    static final List<String> WHOLE_MODEL = List.of("help", "completion", "manpages");

    private final Path workDir;
    private final CommandSpec spec;
    private boolean verbose;
    private Path home;

    public PitstopCommand(Path workDir) {
        this.workDir = workDir.toAbsolutePath();
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("pitstop").versionProvider(new Version());
        spec.usageMessage()
                .description("Keeps a stack of native services running while their binaries change underneath them.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.addOption(OptionSpec.builder("-v", "--verbose").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description("Debug logging, and stack traces for errors.")
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        verbose(Boolean.TRUE.equals(value));
                        return null;
                    }
                })
                .build());
        spec.addOption(OptionSpec.builder("--home").type(Path.class).paramLabel("DIR").scopeType(ScopeType.INHERIT)
                .description("Pitstop's per-user folder (store, caches) for commands that run without a stack; "
                        + "default: $PITSTOP_HOME, else $XDG_CACHE_HOME/pitstop, else ~/.cache/pitstop.")
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        home = value == null ? null : workDir.resolve((Path) value).normalize();
                        return null;
                    }
                })
                .build());
    }

    static Subcommand create(String name, PitstopCommand root) {
        return switch (name) {
            case "up" -> new UpCommand(root);
            case "ps" -> new PsCommand(root);
            case "logs" -> FollowCommand.logs(root);
            case "reload" -> new ReloadCommand(root);
            case "restart" -> ActionCommand.restart(root);
            case "start" -> ActionCommand.start(root);
            case "stop" -> ActionCommand.stop(root);
            case "apply" -> StackCommand.apply(root);
            case "events" -> FollowCommand.events(root);
            case "down" -> StackCommand.down(root);
            case "ui" -> new UiCommand(root);
            case "install" -> new InstallCommand(root);
            case "rollback" -> new RollbackCommand(root);
            case "manifest" -> Groups.manifest(root);
            case "verify" -> EngineCommand.verify(root);
            case "snapshot" -> new SnapshotCommand(root);
            case "diff" -> new DiffCommand(root);
            case "fetch" -> new FetchCommand(root);
            case "update" -> EngineCommand.update(root);
            case "outdated" -> EngineCommand.outdated(root);
            case "poll" -> new PollCommand(root);
            case "lock" -> new LockCommand(root);
            case "store" -> Groups.store(root);
            case "keygen" -> new KeygenCommand(root);
            case "trust" -> new TrustCommand(root);
            case "drill" -> new DrillCommand(root);
            case "self" -> SelfCommand.group(root);
            case "help" -> new HelpCommand();
            case "completion" -> new CompletionCommand();
            case "manpages" -> new ManPagesCommand(root);
            case "process" -> Groups.process(root);
            case "project" -> Groups.project(root);
            case "config" -> Groups.config(root);
            case "attach" -> NoticeCommand.attach();
            case "version" -> NoticeCommand.version(root.spec.version()[0]);
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success");
        codes.put("1", "failure (the stack answered with an error, or a local error)");
        codes.put("2", "usage error");
        codes.put("3", "no stack is running");
        return codes;
    }

    CommandSpec spec() {
        return spec;
    }

    private void verbose(boolean on) {
        verbose = on;
        // read by LogSetup, which logback runs only in commands that log (up)
        System.setProperty(LogSetup.LEVEL_PROPERTY, on ? "DEBUG" : "WARN");
    }

    public boolean verbose() {
        return verbose;
    }

    /** The {@code --home} folder, or {@code null} for the default. */
    public Path home() {
        return home;
    }

    /** The folder that relative paths and stack-file discovery start from. */
    public Path workDir() {
        return workDir;
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
