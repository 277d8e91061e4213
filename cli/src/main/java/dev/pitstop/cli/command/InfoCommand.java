package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop process info NAME}: the status of one process (Process Compose's {@code process info}). */
public final class InfoCommand extends ClientCommand {
    private final PositionalParamSpec name;

    public InfoCommand(PitstopCommand root) {
        super(root, "info", "Show one process of the running stack.");
        this.name = Specs.name(spec, "The process.");
    }

    @Override
    Shown call(ControlApi api) {
        return Shown.ok(AnswerKind.PROCESS, api.process(name.getValue()));
    }
}
