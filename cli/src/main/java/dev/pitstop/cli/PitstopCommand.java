package dev.pitstop.cli;

import dev.pitstop.cli.command.ApplyCommand;
import dev.pitstop.cli.command.DownCommand;
import dev.pitstop.cli.command.EventsCommand;
import dev.pitstop.cli.command.LogsCommand;
import dev.pitstop.cli.command.PsCommand;
import dev.pitstop.cli.command.ReloadCommand;
import dev.pitstop.cli.command.RestartCommand;
import dev.pitstop.cli.command.StartCommand;
import dev.pitstop.cli.command.StopCommand;
import dev.pitstop.cli.command.UpCommand;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code pitstop} command: its subcommands and the options they all share. */
@Command(name = "pitstop", mixinStandardHelpOptions = true, version = "pitstop 0.1.0",
        description = "Keeps a stack of native services running while their binaries change underneath them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (the stack answered with an error, or a local error)",
            "2:usage error", "3:no stack is running"})
public final class PitstopCommand implements java.util.concurrent.Callable<Integer> {
    public static final int NOT_RUNNING = 3;

    /**
     * The subcommands, in help order. {@link Main} registers only the one a command line names (all of them
     * for help and errors): building picocli's model of every command costs a short-lived client more than
     * its whole request.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = orderedSubcommands();

    private static Map<String, Supplier<Object>> orderedSubcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("up", UpCommand::new);
        commands.put("ps", PsCommand::new);
        commands.put("logs", LogsCommand::new);
        commands.put("reload", ReloadCommand::new);
        commands.put("restart", RestartCommand::new);
        commands.put("start", StartCommand::new);
        commands.put("stop", StopCommand::new);
        commands.put("apply", ApplyCommand::new);
        commands.put("events", EventsCommand::new);
        commands.put("down", DownCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    private final Path workDir;
    private boolean verbose;

    public PitstopCommand(Path workDir) {
        this.workDir = workDir.toAbsolutePath();
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug logging, and stack traces for errors.")
    void verbose(boolean verbose) {
        this.verbose = verbose;
        // read by logback.xml, which is loaded only by commands that log (up)
        System.setProperty("pitstop.log.level", verbose ? "DEBUG" : "WARN");
    }

    public boolean verbose() {
        return verbose;
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** The folder that relative paths and stack-file discovery start from. */
    public Path workDir() {
        return workDir;
    }
}
