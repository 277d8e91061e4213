package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.Platform;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code pitstop lock [NAME...] [--platform OS/ARCH,...]}: pins what each platform fetches, installs nothing. */
public final class LockCommand extends EngineCommand {
    private final PositionalParamSpec names;
    private final OptionSpec platforms;

    public LockCommand(PitstopCommand root) {
        super(root, "lock", "Record in pitstop.lock.json, for each platform, the version and asset a fetch there gets "
                + "(URL, size, SHA-256 from the published digests, else from one download that is hashed and thrown "
                + "away), or for a git build its commit. Nothing is installed; fetch and up on a machine of a locked "
                + "platform then get exactly that, and --locked makes a missing lock an error.");
        this.names = Specs.optionalNames(spec, "The binaries (default: every binary of the stack).");
        this.platforms = Specs.option(spec, String.class, "OS/ARCH,...", "The platforms, comma-separated "
                + "(linux/amd64,linux/arm64,darwin/arm64); default: those already locked, else this machine's.",
                "--platform");
    }

    @Override
    Shown call(ControlApi api) {
        List<String> list = names.getValue() == null ? List.of() : names.getValue();
        return Shown.ok(AnswerKind.LOCKED, api.lock(new LockRequest(platforms(), BinarySelection.of(list))));
    }

    private List<Platform> platforms() {
        String value = platforms.getValue();
        List<Platform> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Platform.parse(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--platform: " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--platform: no platform given");
        }
        return out;
    }
}
