package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.ControlClient;
import dev.pitstop.cli.client.HttpAnswer;
import dev.pitstop.cli.client.NotRunningException;
import dev.pitstop.cli.client.StackLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command that is one request to a running stack's control socket. The server renders text
 * ({@code format=text}) so that the client only copies bytes; {@code --json} copies the API's JSON instead.
 * Exit code 0 for a 2xx answer, 1 otherwise.
 */
abstract class ClientCommand implements Subcommand, Callable<Integer> {
    final PitstopCommand root;
    final CommandSpec spec;
    final OptionSpec file;
    final OptionSpec json;

    /** A command with {@code -f/--file} and {@code --json}. */
    ClientCommand(PitstopCommand root, String name, String... description) {
        this(root, true, name, description);
    }

    /** @param shortFile whether {@code -f} names the file; {@code logs} and {@code events} use it to follow */
    ClientCommand(PitstopCommand root, boolean shortFile, String name, String... description) {
        this.root = root;
        this.spec = Specs.command(this, name, description);
        this.file = Specs.file(spec, shortFile ? new String[] {"-f", "--file"} : new String[] {"--file"});
        this.json = Specs.json(spec);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /** The request, as method and target without the {@code format} parameter. */
    abstract String[] request();

    @Override
    public Integer call() throws IOException {
        String[] request = request();
        boolean asJson = Specs.isSet(json);
        String target = request[1];
        if (!asJson) {
            target += (target.contains("?") ? "&" : "?") + "format=text";
        }
        StackLocation stack = StackLocation.find(file.getValue(), root.workDir());
        HttpAnswer answer;
        try {
            answer = new ControlClient(stack).send(request[0], target);
        } catch (NotRunningException e) {
            return notRunning(e, stack, request[0], target);
        }
        try (answer) {
            return print(answer.ok(), answer.body());
        }
    }

    /** No stack answers: by default that is the error (exit code 3). */
    int notRunning(NotRunningException e, StackLocation stack, String method, String target) throws IOException {
        throw e;
    }

    /** Prints an answer: on stdout if it is a success or JSON, else on stderr. */
    int print(boolean ok, InputStream body) throws IOException {
        PrintWriter out = ok || Specs.isSet(json) ? spec.commandLine().getOut() : spec.commandLine().getErr();
        copy(body, out);
        return ok ? 0 : 1;
    }

    /** Copies as it arrives: a followed stream prints each line when the server sends it. */
    private static void copy(InputStream body, PrintWriter out) throws IOException {
        Reader in = new InputStreamReader(body, StandardCharsets.UTF_8);
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            out.flush();
        }
        out.flush();
    }

    /** A process name as one path segment. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
