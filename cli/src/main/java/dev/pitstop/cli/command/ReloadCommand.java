package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.ReloadOutcome;
import java.util.List;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop reload NAME...}: one call, several names reload in parallel on the server. */
public final class ReloadCommand extends ClientCommand {
    private final PositionalParamSpec names;

    public ReloadCommand(PitstopCommand root) {
        super(root, "reload", "Restart processes on whatever their command names on disk now, wait until each "
                + "is ready, and roll back any that fails. Several names reload in parallel.");
        this.names = Specs.names(spec, "The processes.");
    }

    @Override
    Shown call(ControlApi api) {
        List<String> list = names.getValue();
        if (list.size() == 1) {
            ReloadOutcome outcome = api.reload(list.get(0));
            return new Shown(outcome.ok(), AnswerKind.RELOAD, outcome);
        }
        List<ReloadOutcome> outcomes = api.reload(list);
        return new Shown(outcomes.stream().allMatch(ReloadOutcome::ok), AnswerKind.RELOADS, outcomes);
    }
}
