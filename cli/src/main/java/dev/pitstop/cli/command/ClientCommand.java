package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.ControlClient;
import dev.pitstop.cli.client.HttpAnswer;
import dev.pitstop.cli.client.StackLocation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that is one request to a running stack's control socket. The server renders text
 * ({@code format=text}) so that the client only copies bytes; {@code --json} copies the API's JSON instead.
 * Exit code 0 for a 2xx answer, 1 otherwise.
 */
abstract class ClientCommand implements Callable<Integer> {
    @ParentCommand PitstopCommand root;
    @Spec CommandSpec spec;

    /** The {@code -f}/{@code --file} value, or {@code null}. */
    abstract Path stackFile();

    abstract boolean json();

    /** The request, as method and target without the {@code format} parameter. */
    abstract String[] request();

    @Override
    public Integer call() throws IOException {
        String[] request = request();
        String target = request[1];
        if (!json()) {
            target += (target.contains("?") ? "&" : "?") + "format=text";
        }
        StackLocation stack = StackLocation.find(stackFile(), root.workDir());
        try (HttpAnswer answer = new ControlClient(stack).send(request[0], target)) {
            PrintWriter out = answer.ok() || json() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            copy(answer, out);
            return answer.ok() ? 0 : 1;
        }
    }

    /** Copies as it arrives: a followed stream prints each line when the server sends it. */
    private static void copy(HttpAnswer answer, PrintWriter out) throws IOException {
        Reader in = new InputStreamReader(answer.body(), StandardCharsets.UTF_8);
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
