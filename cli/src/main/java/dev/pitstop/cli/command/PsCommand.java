package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ps", description = "Show the processes of the running stack.")
public final class PsCommand extends ClientCommand {
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
        return new String[] {"GET", "/v1/processes"};
    }
}
