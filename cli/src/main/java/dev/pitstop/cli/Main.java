package dev.pitstop.cli;

import dev.pitstop.control.NotRunningException;
import dev.pitstop.core.PitstopException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Entry point of the {@code pitstop} launcher. Exit codes: 0 success, 1 failure, 2 usage error,
 * 3 no stack is running.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(Path.of(""), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; what tests call instead of {@link #main}. */
    public static int run(Path workDir, PrintWriter out, PrintWriter err, String... args) {
        PitstopCommand root = new PitstopCommand(workDir);
        CommandLine cli = new CommandLine(root.spec());
        String named = subcommandName(args);
        for (String name : PitstopCommand.SUBCOMMANDS) {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, PitstopCommand.create(name, root).spec());
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (root.verbose()) {
                e.printStackTrace(err);
            }
            if (e instanceof PitstopException) {
                err.println("pitstop: " + e.getMessage());
                return e instanceof NotRunningException ? PitstopCommand.NOT_RUNNING : 1;
            }
            err.println("pitstop: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * The subcommand a command line names, or {@code null} (help, completion, a typo): then every one is
     * registered.
     */
    static String subcommandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home")) {
                i++; // its value is no subcommand
            } else if (!args[i].startsWith("-")) {
                return PitstopCommand.SUBCOMMANDS.contains(args[i]) && !PitstopCommand.WHOLE_MODEL.contains(args[i])
                        ? args[i] : null;
            }
        }
        return null;
    }
}
