package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "logs", description = "Print the last lines a process wrote; with -f, keep printing new ones.")
public final class LogsCommand extends ClientCommand {
    @Mixin FollowOptions options;

    @Parameters(paramLabel = "NAME", description = "The process.")
    String name;

    @Override
    Path stackFile() {
        return options.file;
    }

    @Override
    boolean json() {
        return options.json;
    }

    @Override
    String[] request() {
        return new String[] {"GET", "/v1/processes/" + segment(name) + "/logs?" + options.query(spec)};
    }
}
