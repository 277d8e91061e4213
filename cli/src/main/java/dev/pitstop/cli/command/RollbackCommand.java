package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.SwapOutcome;
import dev.pitstop.core.RollbackRequest;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop rollback NAME [--to VERSION|SHA] [--force]}. */
public final class RollbackCommand extends EngineCommand {
    private final PositionalParamSpec name;
    private final OptionSpec to;
    private final OptionSpec force;

    public RollbackCommand(PitstopCommand root) {
        super(root, "rollback", "Make an earlier stored version of a binary current again, through the same "
                + "health-gated swap as install.");
        this.name = Specs.name(spec, "The binary.");
        this.to = Specs.option(spec, String.class, "VERSION|SHA", "The version label or SHA-256 (at least 6 hex "
                + "digits) to go back to (default: the most recent earlier version not marked bad).", "--to");
        this.force = Specs.flag(spec, "Go back even to a version marked bad.", "--force");
    }

    @Override
    Shown call(ControlApi api) {
        String target = to.getValue();
        RollbackRequest request = target == null ? RollbackRequest.previous(name.getValue())
                : RollbackRequest.to(name.getValue(), target);
        SwapOutcome outcome = api.rollback(Specs.isSet(force) ? request.forced() : request);
        return new Shown(outcome.ok(), AnswerKind.SWAP, outcome);
    }
}
