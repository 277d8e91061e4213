package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.Done;

/** {@code pitstop apply} and {@code pitstop down}: stack-wide actions without arguments. */
public final class StackCommand extends ClientCommand {
    private final boolean down;

    private StackCommand(PitstopCommand root, String name, boolean down, String description) {
        super(root, name, description);
        this.down = down;
    }

    public static StackCommand apply(PitstopCommand root) {
        return new StackCommand(root, "apply", false, "Re-read the stack file and apply the difference: "
                + "start added processes, stop removed ones, restart changed ones.");
    }

    public static StackCommand down(PitstopCommand root) {
        return new StackCommand(root, "down", true, "Stop every process and the supervisor of the running stack.");
    }

    @Override
    Shown call(ControlApi api) {
        if (down) {
            api.down();
            return Shown.ok(AnswerKind.DONE, new Done(null, "down"));
        }
        return Shown.ok(AnswerKind.APPLIED, api.apply());
    }
}
