package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code pitstop logs NAME} and {@code pitstop events}: the last {@code -n} entries, and with {@code -f}
 * (as in {@code tail -f}; the stack file is then {@code --file} only) every new one until interrupted.
 */
public final class FollowCommand extends ClientCommand {
    private final OptionSpec follow;
    private final OptionSpec lines;
    private final PositionalParamSpec name;

    private FollowCommand(PitstopCommand root, String command, boolean named, String description) {
        super(root, false, command, description);
        this.follow = Specs.flag(spec, "Keep printing new entries until interrupted.", "-f", "--follow");
        this.lines = OptionSpec.builder("-n", "--lines").type(int.class).paramLabel("N").defaultValue("100")
                .description("How many earlier entries to print first (default: ${DEFAULT-VALUE}).").build();
        spec.addOption(lines);
        this.name = named ? Specs.name(spec, "The process.") : null;
    }

    public static FollowCommand logs(PitstopCommand root) {
        return new FollowCommand(root, "logs", true,
                "Print the last lines a process wrote; with -f, keep printing new ones.");
    }

    public static FollowCommand events(PitstopCommand root) {
        return new FollowCommand(root, "events", false,
                "Print the last events of the running stack; with -f, keep printing.");
    }

    @Override
    String[] request() {
        int n = lines.getValue();
        if (n < 0) {
            throw new ParameterException(spec.commandLine(), "-n must not be negative, not " + n);
        }
        String query = "n=" + n + (Specs.isSet(follow) ? "&follow=1" : "");
        String path = name == null ? "/v1/events" : "/v1/processes/" + segment(name.getValue()) + "/logs";
        return new String[] {"GET", path + "?" + query};
    }
}
