package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = "Stop a process and start it again.")
public final class RestartCommand extends ClientCommand {
    @Mixin StackOptions stack;

    @Parameters(paramLabel = "NAME", description = "The process.")
    String name;

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
        return new String[] {"POST", "/v1/processes/" + segment(name) + "/restart"};
    }
}
