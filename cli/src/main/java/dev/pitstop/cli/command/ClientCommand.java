package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.text.CliText;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.ControlException;
import dev.pitstop.control.ControlJson;
import dev.pitstop.control.NotRunningException;
import dev.pitstop.control.RemoteControl;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command that is one call on the running stack's {@link ControlApi} ({@link RemoteControl}, over its control
 * socket). It renders the answer as text ({@link CliText}) or, with {@code --json}, as the API's JSON. Exit code
 * 0 for a success, 1 for a failure, 3 when no stack runs.
 */
abstract class ClientCommand implements Subcommand, Callable<Integer> {
    final PitstopCommand root;
    final CommandSpec spec;
    final OptionSpec file;
    final OptionSpec json;

    /** A command with {@code -f/--file} and {@code --json}. */
    ClientCommand(PitstopCommand root, String name, String... description) {
        this(root, true, name, description);
    }

    /** @param shortFile whether {@code -f} names the file; {@code logs} and {@code events} use it to follow */
    ClientCommand(PitstopCommand root, boolean shortFile, String name, String... description) {
        this.root = root;
        this.spec = Specs.command(this, name, description);
        this.file = Specs.file(spec, shortFile ? new String[] {"-f", "--file"} : new String[] {"--file"});
        this.json = Specs.json(spec);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /** The call, and how its answer is shown. */
    abstract Shown call(ControlApi api) throws InterruptedException;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        StackLocation stack = StackLocation.find(file.getValue(), root.workDir());
        Shown shown;
        try {
            shown = call(new RemoteControl(stack.stateDir()));
        } catch (NotRunningException e) {
            shown = notRunning(e, stack);
        } catch (ControlException e) {
            shown = Shown.refused(e.getMessage());
        }
        return show(shown);
    }

    /** Checks the arguments before anything is asked; a problem is a {@code pitstop: …} line. */
    void validate() {
        // most commands have nothing to check beyond what picocli does
    }

    /** No stack answers: by default that is the error (exit code 3). */
    Shown notRunning(NotRunningException e, StackLocation stack) throws InterruptedException {
        throw e;
    }

    /** Prints an answer: on stdout if it is a success or JSON, else on stderr. */
    int show(Shown shown) {
        if (shown.kind() == null) {
            return 0; // printed as it came
        }
        if (shown.kind() == AnswerKind.ERROR) {
            return error((String) shown.value());
        }
        boolean asJson = Specs.isSet(json);
        PrintWriter out = shown.ok() || asJson ? spec.commandLine().getOut() : spec.commandLine().getErr();
        out.print(asJson ? json(shown.kind(), shown.value()) : text().render(shown.kind(), shown.value()));
        out.flush();
        return shown.ok() ? 0 : 1;
    }

    /** A refusal of the stack (unknown process, bad request, a Pitstop error): one line, exit code 1. */
    int error(String message) {
        if (Specs.isSet(json)) {
            spec.commandLine().getOut().println(new ControlJson().error(message));
            spec.commandLine().getOut().flush();
        } else {
            spec.commandLine().getErr().print(text().render(AnswerKind.ERROR, message));
            spec.commandLine().getErr().flush();
        }
        return 1;
    }

    /** Prints one entry of a stream at once: a text line, or one line of JSON. */
    void print(AnswerKind kind, Object item) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(Specs.isSet(json) ? json(kind, item) : text().render(kind, item));
        out.flush();
    }

    CliText text() {
        return new CliText(Clock.systemUTC());
    }

    static String json(AnswerKind kind, Object value) {
        ControlJson json = new ControlJson();
        return kind == AnswerKind.MANIFEST || kind == AnswerKind.SNAPSHOT ? json.document(value)
                : json.write(value) + "\n";
    }
}
