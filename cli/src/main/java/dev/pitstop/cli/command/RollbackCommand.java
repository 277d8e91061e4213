package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
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
    String[] request() {
        String target = to.getValue();
        String query = (target == null ? "" : "to=" + param(target)) + (Specs.isSet(force)
                ? (target == null ? "" : "&") + "force=1" : "");
        return new String[] {"POST", "/v1/binaries/" + segment(name.getValue()) + "/rollback"
                + (query.isEmpty() ? "" : "?" + query)};
    }
}
