package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "down", description = "Stop every process and the supervisor of the running stack.")
public final class DownCommand extends ClientCommand {
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
        return new String[] {"POST", "/v1/down"};
    }
}
