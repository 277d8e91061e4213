package dev.pitstop.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "events", description = "Print the last events of the running stack; with -f, keep printing.")
public final class EventsCommand extends ClientCommand {
    @Mixin FollowOptions options;

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
        return new String[] {"GET", "/v1/events?" + options.query(spec)};
    }
}
