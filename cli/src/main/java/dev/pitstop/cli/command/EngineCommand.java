package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.NotRunningException;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.supervisor.control.BinaryApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A binary command that works with or without a running stack: one request to the control socket when the
 * stack runs (so its supervisor does any swap), else the same request answered by an engine this process
 * opens on the stack file ({@link BinaryApi}), never started. Only that second path loads Guice and Jackson.
 */
public class EngineCommand extends ClientCommand {
    private final String method;
    private final String path;
    private final PositionalParamSpec names;

    /** For subclasses that build their own request. */
    EngineCommand(PitstopCommand root, String name, String... description) {
        this(root, name, null, null, false, description);
    }

    private EngineCommand(PitstopCommand root, String name, String method, String path, boolean named,
                          String... description) {
        super(root, name, description);
        this.method = method;
        this.path = path;
        this.names = named ? Specs.optionalNames(spec, "The binaries (default: every binary of the stack).") : null;
    }

    public static EngineCommand verify(PitstopCommand root) {
        return new EngineCommand(root, "verify", "GET", "/v1/verify", false, "Check that the stored binaries still "
                + "hash to their SHA-256 and that every running process runs the current binary of its name; "
                + "exit code 1 with the list of mismatches.");
    }

    public static EngineCommand update(PitstopCommand root) {
        return new EngineCommand(root, "update", "POST", "/v1/update", true, "Fetch, then swap every binary that "
                + "changed onto its new version (health-gated, rolled back if it fails).");
    }

    public static EngineCommand outdated(PitstopCommand root) {
        return new EngineCommand(root, "outdated", "GET", "/v1/outdated", false, "List each binary's current "
                + "version and the newest its source offers.");
    }

    static EngineCommand manifestShow(PitstopCommand root) {
        return new EngineCommand(root, "show", "GET", "/v1/manifest", false, "Show pitstop.lock.json: per binary "
                + "the current version, where it came from, how it was verified, and its history. --json prints "
                + "the manifest itself.");
    }

    @Override
    String[] request() {
        return new String[] {method, path + (names == null ? "" : query(names.getValue()))};
    }

    /** {@code ?name=a&name=b}, or empty. */
    static String query(List<String> names) {
        StringBuilder q = new StringBuilder();
        if (names == null) {
            return "";
        }
        for (String n : names) {
            q.append(q.length() == 0 ? '?' : '&').append("name=").append(param(n));
        }
        return q.toString();
    }

    @Override
    int notRunning(NotRunningException e, StackLocation stack, String method, String target) throws IOException {
        // a progress bar only where a person watches: a terminal, and text output
        PrintWriter progress = System.console() != null && !Specs.isSet(json) ? spec.commandLine().getErr() : null;
        BinaryApi.Answer answer = new LocalPitstop(root.home(), progress).call(stack.requireFile(), method, target);
        return print(answer.ok(), new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    }
}
