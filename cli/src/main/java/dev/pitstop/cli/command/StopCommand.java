package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "stop", description = "Stop a process (it stays stopped until started).")
public final class StopCommand extends ClientCommand {
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
        return new String[] {"POST", "/v1/processes/" + segment(name) + "/stop"};
    }
}
