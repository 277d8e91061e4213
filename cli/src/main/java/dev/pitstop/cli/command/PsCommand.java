package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;

/** {@code pitstop ps}. */
public final class PsCommand extends ClientCommand {
    public PsCommand(PitstopCommand root) {
        super(root, "ps", "Show the processes of the running stack.");
    }

    @Override
    String[] request() {
        return new String[] {"GET", "/v1/processes"};
    }
}
