package dev.pitstop.cli.run;

import com.google.inject.Injector;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.text.CliText;
import dev.pitstop.cli.text.DrillProgress;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.ControlServer;
import dev.pitstop.control.LocalControl;
import dev.pitstop.control.NotRunningException;
import dev.pitstop.control.RemoteControl;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.stack.StackReader;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.drill.Drill;
import dev.pitstop.drill.DrillOptions;
import dev.pitstop.drill.DrillReport;
import dev.pitstop.drill.Phase;
import dev.pitstop.drill.host.Supervisor;
import dev.pitstop.drill.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code pitstop drill}: against the stack that runs (over its control socket), or with {@code --up} against one
 * started here, with its control socket open so {@code pitstop ps} and the dashboard see it while it is drilled.
 */
public final class DrillRun {
    static final Duration UP_TIMEOUT = Duration.ofMinutes(2);

    private final StackLocation location;
    private final Path home;
    private final Path reportDir;
    private final PrintWriter out;

    /** @param home Pitstop's per-user folder ({@code --home}), or {@code null} for the environment's */
    public DrillRun(StackLocation location, Path home, Path reportDir, PrintWriter out) {
        this.location = location;
        this.home = home;
        this.reportDir = reportDir;
        this.out = out;
    }

    public int run(String phases, int rounds, boolean up) throws InterruptedException, IOException {
        Path stackFile = location.requireFile();
        DrillOptions options;
        try {
            options = DrillOptions.all().withPhases(Phase.parse(phases)).withRounds(rounds);
        } catch (IllegalArgumentException e) {
            throw new PitstopException(e.getMessage());
        }
        Pitstop.Builder builder = Pitstop.builder().shutdownHook(false);
        if (home != null) {
            builder.home(home);
        }
        Injector injector = builder.injector();
        StackInspector inspector = injector.getInstance(StackInspector.class);
        RemoteControl remote = new RemoteControl(location.stateDir());
        if (!up) {
            if (!remote.answers()) {
                throw new NotRunningException(location.directory(), "nothing answers on .pitstop/pitstop.sock; "
                        + "start the stack, or drill with --up");
            }
            Stack stack = injector.getInstance(StackReader.class).read(stackFile);
            return drill(remote, stack, Supervisor.fromPidFile(location.stateDir()), inspector, options);
        }
        if (remote.answers()) {
            throw new PitstopException("a stack already runs in " + location.directory() + "; drill it without --up");
        }
        Engine engine = injector.getInstance(EngineFactory.class).open(stackFile);
        ControlServer control = new ControlServer(engine, engine.stack().stateDir(), new CliText(Clock.systemUTC()));
        try {
            control.start();
            engine.up();
            engine.awaitReady(UP_TIMEOUT);
            out.println("stack up: " + engine.ps().size() + " processes");
            return drill(new LocalControl(engine), engine.stack(), Supervisor.thisProcess(), inspector, options);
        } finally {
            try {
                engine.down();
            } finally {
                control.close();
                engine.close();
            }
        }
    }

    private int drill(ControlApi api, Stack stack, Supervisor supervisor, StackInspector inspector,
                      DrillOptions options) throws IOException {
        DrillReport report = new Drill(api, stack, supervisor, inspector, new DrillProgress(out, System.console() != null))
                .run(options);
        Path written = new ReportFiles(reportDir).write(report);
        out.println();
        out.println("drill " + (report.ok() ? "PASSED" : "FAILED") + ": " + report.failedChecks()
                + " failed check(s); reports in " + written);
        out.flush();
        return report.ok() ? 0 : 1;
    }

}
