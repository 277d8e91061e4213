package dev.pitstop.cli;

import dev.pitstop.control.NotRunningException;
import dev.pitstop.core.PitstopException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    public static int run(Path workDir, PrintWriter out, PrintWriter err, String... given) {
        String[] args = fileOptionsAfterSubcommand(given);
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
     * Process Compose takes {@code -f FILE} before the subcommand ({@code process-compose -f a.yaml up}); ours
     * take it after. Moves those that come before the subcommand to just after it (after the group's command
     * for {@code process …} and {@code project …}).
     */
    static String[] fileOptionsAfterSubcommand(String... args) {
        List<String> files = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            if ((args[i].equals("-f") || args[i].equals("--file")) && i + 1 < args.length) {
                files.add("--file");
                files.add(args[++i]);
            } else if (args[i].startsWith("--file=")) {
                files.add(args[i]);
            } else {
                rest.add(args[i]);
                if (args[i].equals("--home") && i + 1 < args.length) {
                    rest.add(args[++i]);
                }
            }
        }
        if (files.isEmpty() || i == args.length) {
            return args;
        }
        rest.add(args[i++]);
        if ((rest.get(rest.size() - 1).equals("process") || rest.get(rest.size() - 1).equals("project")) && i < args.length) {
            rest.add(args[i++]);
        }
        rest.addAll(files);
        rest.addAll(Arrays.asList(args).subList(i, args.length));
        return rest.toArray(String[]::new);
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
