package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.LocalControl;
import dev.pitstop.control.NotRunningException;
import dev.pitstop.control.SwapOutcome;
import dev.pitstop.control.Verified;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.stack.StackFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A binary command that works with or without a running stack: a call on the running stack's control socket
 * when it runs (so its supervisor does any swap), else the same call on an engine this process opens on the
 * stack file ({@link LocalControl}), never started. Only that second path loads Guice and the engine.
 */
public class EngineCommand extends ClientCommand {
    private final BiFunction<EngineCommand, ControlApi, Shown> call;
    private final PositionalParamSpec names;

    /** For subclasses that make their own call. */
    EngineCommand(PitstopCommand root, String name, String... description) {
        this(root, name, null, false, description);
    }

    private EngineCommand(PitstopCommand root, String name, BiFunction<EngineCommand, ControlApi, Shown> call, boolean named,
                          String... description) {
        super(root, name, description);
        this.call = call;
        this.names = named ? Specs.optionalNames(spec, "The binaries (default: every binary of the stack).") : null;
    }

    public static EngineCommand verify(PitstopCommand root) {
        return new EngineCommand(root, "verify", (c, api) -> {
            Verified verified = api.verify();
            return new Shown(verified.ok(), AnswerKind.VERIFIED, verified);
        }, false, "Check that the stored binaries still hash to their SHA-256 and that every running process runs "
                + "the current binary of its name; exit code 1 with the list of mismatches.");
    }

    public static EngineCommand update(PitstopCommand root) {
        return new EngineCommand(root, "update", (c, api) -> {
            List<SwapOutcome> swaps = api.update(c.selection());
            return new Shown(swaps.stream().allMatch(SwapOutcome::ok), AnswerKind.SWAPS, swaps);
        }, true, "Fetch, then swap every binary that changed onto its new version (health-gated, rolled back if it "
                + "fails).");
    }

    public static EngineCommand outdated(PitstopCommand root) {
        return new EngineCommand(root, "outdated", (c, api) -> Shown.ok(AnswerKind.OUTDATED, api.outdated()), false,
                "List each binary's current version and the newest its source offers.");
    }

    static EngineCommand manifestShow(PitstopCommand root) {
        return new EngineCommand(root, "show", (c, api) -> Shown.ok(AnswerKind.MANIFEST, api.manifest()), false,
                "Show pitstop.lock.json: per binary the current version, where it came from, how it was verified, "
                + "and its history. --json prints the manifest itself.");
    }

    @Override
    Shown call(ControlApi api) {
        return call.apply(this, api);
    }

    /** Whether the engine this command opens must find a lock for this platform ({@code --locked}). */
    boolean locked() {
        return false;
    }

    /** The named binaries, or all of them. */
    BinarySelection selection() {
        return BinarySelection.of(names == null ? List.of() : names.getValue());
    }

    @Override
    Shown notRunning(NotRunningException e, StackLocation stack) throws InterruptedException {
        // bars and in-place lines only where a person watches (a terminal); elsewhere plain lines for builds only
        PrintWriter progress = Specs.isSet(json) ? null : spec.commandLine().getErr();
        Path stackFile = stack.requireFile();
        try (Engine engine = new LocalPitstop(root.home(), progress, System.console() != null).locked(locked())
                .open(stackFile)) {
            return call(new LocalControl(engine));
        } catch (StackFileException wrongFile) {
            throw wrongFile; // the stack file is wrong, not the request: "pitstop: file:line: …"
        } catch (PitstopException refused) {
            return Shown.refused(refused.getMessage());
        }
    }
}
