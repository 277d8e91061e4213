package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pitstop reload NAME...}: one request, several names reload in parallel on the server. */
public final class ReloadCommand extends ClientCommand {
    private final PositionalParamSpec names;

    public ReloadCommand(PitstopCommand root) {
        super(root, "reload", "Restart processes on whatever their command names on disk now, wait until each "
                + "is ready, and roll back any that fails. Several names reload in parallel.");
        this.names = Specs.names(spec, "The processes.");
    }

    @Override
    String[] request() {
        List<String> list = names.getValue();
        if (list.size() == 1) {
            return new String[] {"POST", "/v1/processes/" + segment(list.get(0)) + "/reload"};
        }
        return new String[] {"POST", "/v1/reload?" + list.stream().map(n -> "name=" + param(n))
                .collect(Collectors.joining("&"))};
    }
}
