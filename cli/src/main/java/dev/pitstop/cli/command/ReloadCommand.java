package dev.pitstop.cli.command;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "reload", description = {
    "Restart processes on whatever their command names on disk now, wait until each is ready, "
        + "and roll back any that fails. Several names reload in parallel."})
public final class ReloadCommand extends ClientCommand {
    @Mixin StackOptions stack;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The processes.")
    List<String> names;

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
        if (names.size() == 1) {
            return new String[] {"POST", "/v1/processes/" + segment(names.get(0)) + "/reload"};
        }
        return new String[] {"POST", "/v1/reload?" + names.stream().map(n -> "name=" + param(n))
                .collect(Collectors.joining("&"))};
    }
}
