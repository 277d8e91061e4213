package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
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
    String[] request() {
        return new String[] {"POST", "/v1/processes/" + segment(name.getValue()) + "/" + action};
    }
}
