package dev.pitstop.cli;

import dev.pitstop.cli.command.ActionCommand;
import dev.pitstop.cli.command.FollowCommand;
import dev.pitstop.cli.command.PsCommand;
import dev.pitstop.cli.command.ReloadCommand;
import dev.pitstop.cli.command.StackCommand;
import dev.pitstop.cli.command.Subcommand;
import dev.pitstop.cli.command.UpCommand;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** The {@code pitstop} command: the options every subcommand shares, and the list of subcommands. */
public final class PitstopCommand implements Callable<Integer> {
    public static final int NOT_RUNNING = 3;

    /**
     * The subcommands, in help order. {@link Main} registers only the one a command line names (all of them
     * for help and errors), so a client command builds one small model.
     */
    static final Map<String, Function<PitstopCommand, Subcommand>> SUBCOMMANDS = subcommands();

    private final Path workDir;
    private final CommandSpec spec;
    private boolean verbose;

    public PitstopCommand(Path workDir) {
        this.workDir = workDir.toAbsolutePath();
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("pitstop").version("pitstop 0.1.0");
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
    }

    private static Map<String, Function<PitstopCommand, Subcommand>> subcommands() {
        Map<String, Function<PitstopCommand, Subcommand>> commands = new LinkedHashMap<>();
        commands.put("up", UpCommand::new);
        commands.put("ps", PsCommand::new);
        commands.put("logs", FollowCommand::logs);
        commands.put("reload", ReloadCommand::new);
        commands.put("restart", ActionCommand::restart);
        commands.put("start", ActionCommand::start);
        commands.put("stop", ActionCommand::stop);
        commands.put("apply", StackCommand::apply);
        commands.put("events", FollowCommand::events);
        commands.put("down", StackCommand::down);
        return Collections.unmodifiableMap(commands);
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
        // read by logback.xml, which is loaded only by commands that log (up)
        System.setProperty("pitstop.log.level", on ? "DEBUG" : "WARN");
    }

    public boolean verbose() {
        return verbose;
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
