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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code pitstop} command: its subcommands and the options they all share. */
@Command(name = "pitstop", mixinStandardHelpOptions = true, version = "pitstop 0.1.0",
        description = "Keeps a stack of native services running while their binaries change underneath them.",
        subcommands = {UpCommand.class, PsCommand.class, LogsCommand.class, ReloadCommand.class,
            RestartCommand.class, StartCommand.class, StopCommand.class, ApplyCommand.class, EventsCommand.class,
            DownCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (the stack answered with an error, or a local error)",
            "2:usage error", "3:no stack is running"})
public final class PitstopCommand implements java.util.concurrent.Callable<Integer> {
    public static final int NOT_RUNNING = 3;

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
