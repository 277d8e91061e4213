package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.LogLine;
import java.util.function.Consumer;
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
    Shown call(ControlApi api) throws InterruptedException {
        int n = lines.getValue();
        if (n < 0) {
            throw new ParameterException(spec.commandLine(), "-n must not be negative, not " + n);
        }
        boolean following = Specs.isSet(follow);
        if (name == null) {
            Consumer<Event> each = e -> print(AnswerKind.EVENT, e);
            if (following) {
                api.followEvents(n, each);
            } else {
                api.events(n).forEach(each);
            }
        } else {
            Consumer<LogLine> each = l -> print(AnswerKind.LOG_LINE, l);
            if (following) {
                api.followLogs(name.getValue(), n, each);
            } else {
                api.logs(name.getValue(), n).forEach(each);
            }
        }
        return Shown.printed();
    }
}
