package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "apply", description = "Re-read the stack file and apply the difference: start added processes, "
        + "stop removed ones, restart changed ones.")
public final class ApplyCommand extends ClientCommand {
    @Mixin StackOptions stack;

    @Override
    Path stackFile() {
        return stack.file;
    }

    @Override
    boolean json() {
        return stack.json;
    }

    @Override
    String[] request() {
        return new String[] {"POST", "/v1/apply"};
    }
}
