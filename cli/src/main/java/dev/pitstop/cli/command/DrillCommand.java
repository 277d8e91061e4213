package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.run.DrillRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code pitstop drill}: the options; the work is {@link DrillRun}'s, loaded only when a drill runs. */
public final class DrillCommand implements Subcommand, Callable<Integer> {
    static final String ALL_PHASES = "single,parallel,cascade,rapid,failure,integrity";

    private final PitstopCommand root;
    private final CommandSpec spec;
    private final OptionSpec file;
    private final OptionSpec phases;
    private final OptionSpec rounds;
    private final OptionSpec report;
    private final OptionSpec up;

    public DrillCommand(PitstopCommand root) {
        this.root = root;
        this.spec = Specs.command(this, "drill", "Run the reload regression suite against the running stack (or, "
                + "with --up, start it, drill it and stop it): reload every process, several at once, a dependency "
                + "and its dependents, one process many times, broken candidates of every managed binary, with the "
                + "drill: section's integrity checks around them. Writes Markdown, JSON and JUnit XML reports; "
                + "exit code 0 only when every check held.");
        this.file = Specs.file(spec, "-f", "--file");
        this.phases = Specs.defaulted(spec, String.class, "LIST", ALL_PHASES, "The phases to run (default: all).",
                "--phases");
        this.rounds = Specs.defaulted(spec, Integer.class, "N", "10", "Rounds of the parallel phase and reloads of "
                + "the rapid phase (default: 10).", "--rounds");
        this.report = Specs.option(spec, Path.class, "DIR", "Where to write drill-<time>/{report.md,report.json,"
                + "junit.xml} (default: .pitstop/drill next to the stack file).", "--report");
        this.up = Specs.flag(spec, "Start the stack in this process first, and bring it down after the drill.",
                "--up");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        StackLocation location = StackLocation.find(file.getValue(), root.workDir());
        Path reportDir = report.getValue() == null ? location.stateDir().resolve("drill")
                : root.workDir().resolve((Path) report.getValue()).normalize();
        DrillRun run = new DrillRun(location, root.home(), reportDir, spec.commandLine().getOut());
        return run.run(phases.getValue(), rounds.getValue(), Specs.isSet(up));
    }
}
