package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.SwapOutcome;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop install NAME FILE [--version V] [--force]}. */
public final class InstallCommand extends EngineCommand {
    private final PositionalParamSpec name;
    private final PositionalParamSpec binary;
    private final OptionSpec version;
    private final OptionSpec force;

    public InstallCommand(PitstopCommand root) {
        super(root, "install", "Store a local file as a new version of a binary and make it current: swapped in "
                + "health-gated (rolled back if it fails) when the stack runs, at once when it does not.");
        this.name = Specs.name(spec, "The binary, as named in the stack file's binaries: section.");
        this.binary = Specs.path(spec, "FILE", "The new binary (only read, never moved).");
        this.version = Specs.option(spec, String.class, "V", "Its version label (default: derived).", "--version");
        this.force = Specs.flag(spec, "Apply it even if this version was marked bad before.", "--force");
    }

    @Override
    void validate() {
        if (!Files.isRegularFile(file())) {
            throw new PitstopException("install: " + file() + " is not a file");
        }
    }

    private Path file() {
        return root.workDir().resolve(binary.<Path>getValue()).toAbsolutePath().normalize();
    }

    @Override
    Shown call(ControlApi api) {
        Path file = file();
        InstallRequest request = InstallRequest.of(name.getValue(), file).version(version.getValue());
        SwapOutcome outcome = api.install(Specs.isSet(force) ? request.forced() : request);
        return new Shown(outcome.ok(), AnswerKind.SWAP, outcome);
    }
}
