package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.Done;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop restart|start|stop NAME}: one action on one process. */
public final class ActionCommand extends ClientCommand {
    private final String action;
    private final PositionalParamSpec name;

    private ActionCommand(PitstopCommand root, String action, String description) {
        super(root, action, description);
        this.action = action;
        this.name = Specs.name(spec, "The process.");
    }

    public static ActionCommand restart(PitstopCommand root) {
        return new ActionCommand(root, "restart", "Stop a process and start it again.");
    }

    public static ActionCommand start(PitstopCommand root) {
        return new ActionCommand(root, "start", "Start a stopped process.");
    }

    public static ActionCommand stop(PitstopCommand root) {
        return new ActionCommand(root, "stop", "Stop a process (it stays stopped until started).");
    }

    @Override
    Shown call(ControlApi api) {
        String process = name.getValue();
        switch (action) {
            case "restart" -> api.restart(process);
            case "start" -> api.start(process);
            default -> api.stop(process);
        }
        return Shown.ok(AnswerKind.DONE, new Done(process, action));
    }
}
