package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;

/** {@code pitstop ps}. */
public final class PsCommand extends ClientCommand {
    public PsCommand(PitstopCommand root) {
        super(root, "ps", "Show the processes of the running stack.");
    }

    @Override
    Shown call(ControlApi api) {
        return Shown.ok(AnswerKind.PROCESSES, api.processes());
    }
}
