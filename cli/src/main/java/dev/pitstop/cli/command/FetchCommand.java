package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.RemoteControl;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PlatformFetchRequest;
import java.util.Optional;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code pitstop fetch [NAME...] [--platform OS/ARCH [-o DIR]] [--explain] [--locked]}. */
public final class FetchCommand extends EngineCommand {
    private final PositionalParamSpec names;
    private final OptionSpec platform;
    private final OptionSpec output;
    private final OptionSpec explain;
    private final OptionSpec locked;

    public FetchCommand(PitstopCommand root) {
        super(root, "fetch", "Fetch binaries from their sources, verify, trust and store them; a new version is "
                + "recorded as candidate (nothing is reloaded). With --platform, download for another machine into "
                + "a folder instead.");
        this.names = Specs.optionalNames(spec, "The binaries (default: every binary of the stack).");
        this.platform = Specs.option(spec, String.class, "OS/ARCH", "Fetch for another platform (linux/arm64, "
                + "darwin/arm64, …): verified and extracted into -o, not stored or recorded.", "--platform");
        this.output = Specs.option(spec, Path.class, "DIR", "With --platform: the folder to write to (default: the "
                + "current folder).", "-o", "--output");
        this.explain = Specs.flag(spec, "Show how the asset of one binary is chosen (every candidate with its "
                + "score) instead of fetching.", "--explain");
        this.locked = Specs.flag(spec, "Fail when pitstop.lock.json has no lock for this machine's platform, instead "
                + "of resolving the binary afresh (for CI; see pitstop lock). Runs without a stack running.",
                "--locked");
    }

    @Override
    boolean locked() {
        return Specs.isSet(locked);
    }

    @Override
    Shown call(ControlApi api) {
        List<String> list = names.getValue() == null ? List.of() : names.getValue();
        Optional<Platform> on = platform();
        if (Specs.isSet(explain)) {
            if (list.size() != 1) {
                throw new ParameterException(spec.commandLine(), "--explain needs exactly one NAME");
            }
            return Shown.ok(AnswerKind.EXPLAINED, api.explain(list.get(0), on));
        }
        if (Specs.isSet(locked) && (on.isPresent() || api instanceof RemoteControl)) {
            throw new ParameterException(spec.commandLine(), on.isPresent() ? "--locked is for a fetch for this machine"
                    : "--locked fetches with no stack running; a running stack follows the lock as it was started "
                    + "(pitstop up --locked)");
        }
        if (on.isEmpty()) {
            if (output.getValue() != null) {
                throw new ParameterException(spec.commandLine(), "-o is for --platform; a fetch for this machine "
                        + "goes into the store");
            }
            return Shown.ok(AnswerKind.FETCHED, api.fetch(BinarySelection.of(list)));
        }
        Path dir = root.workDir().resolve(output.getValue() == null ? Path.of("") : output.<Path>getValue())
                .toAbsolutePath().normalize();
        return Shown.ok(AnswerKind.FETCHED_ELSEWHERE,
                api.fetchFor(new PlatformFetchRequest(on.get(), BinarySelection.of(list), dir)));
    }

    private Optional<Platform> platform() {
        String os = platform.getValue();
        if (os == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Platform.parse(os));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
