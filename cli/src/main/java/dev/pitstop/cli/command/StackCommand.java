package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;

/** {@code pitstop apply} and {@code pitstop down}: stack-wide POSTs without arguments. */
public final class StackCommand extends ClientCommand {
    private final String path;

    private StackCommand(PitstopCommand root, String name, String path, String description) {
        super(root, name, description);
        this.path = path;
    }

    public static StackCommand apply(PitstopCommand root) {
        return new StackCommand(root, "apply", "/v1/apply", "Re-read the stack file and apply the difference: "
                + "start added processes, stop removed ones, restart changed ones.");
    }

    public static StackCommand down(PitstopCommand root) {
        return new StackCommand(root, "down", "/v1/down", "Stop every process and the supervisor of the running "
                + "stack.");
    }

    @Override
    String[] request() {
        return new String[] {"POST", path};
    }
}
