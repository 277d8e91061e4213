package dev.pitstop.cli.run;

import com.google.inject.ConfigurationException;
import com.google.inject.Module;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.source.FetchProgress;
import dev.pitstop.cli.local.ProgressBar;
import dev.pitstop.core.stack.StackSelection;
import dev.pitstop.cli.text.CliText;
import dev.pitstop.cli.ui.DashboardSettings;
import dev.pitstop.control.ControlServer;
import dev.pitstop.control.LocalControl;
import dev.pitstop.control.pc.PcApiSettings;
import dev.pitstop.control.pc.ProcessComposeApi;
import dev.pitstop.core.io.NamedThreads;
import java.io.IOException;
import dev.pitstop.ui.Dashboard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code pitstop up} in the foreground: builds the engine through Guice, opens the control socket, starts
 * the stack, and waits until it is down, by {@code pitstop down}, the stack itself, or Ctrl-C (a shutdown
 * hook that brings it down cleanly).
 */
public final class ForegroundStack {
    private final List<Path> stackFiles;
    private final Path home;
    private final List<Module> overrides;
    private DashboardSettings dashboard;
    private boolean locked;
    private PcApiSettings pcApi;
    private StackSelection selection = StackSelection.ALL;

    public ForegroundStack(Path stackFile) {
        this(List.of(stackFile), null, List.of());
    }

    /** @param home Pitstop's per-user folder ({@code --home}), or {@code null} for the environment's */
    public ForegroundStack(Path stackFile, Path home) {
        this(List.of(stackFile), home, List.of());
    }

    /** @param stackFiles merged in order, as Process Compose's repeated {@code -f} */
    public ForegroundStack(List<Path> stackFiles, Path home) {
        this(stackFiles, home, List.of());
    }

    /** @param overrides bindings that replace the ones of the modules found on the class path (tests) */
    ForegroundStack(Path stackFile, List<Module> overrides) {
        this(List.of(stackFile), null, overrides);
    }

    private ForegroundStack(List<Path> stackFiles, Path home, List<Module> overrides) {
        this.stackFiles = List.copyOf(stackFiles);
        this.home = home;
        this.overrides = overrides;
    }

    /** Serves the live dashboard over this engine too, from before the stack starts until it is down. */
    public ForegroundStack dashboard(DashboardSettings settings) {
        this.dashboard = settings;
        return this;
    }

    /** Every binary must be locked for this platform ({@code up --locked}): see {@code LockPolicy}. */
    public ForegroundStack locked(boolean required) {
        this.locked = required;
        return this;
    }

    /** Runs only a selection of the stack ({@code -n}, {@code up NAME...}). */
    public ForegroundStack selection(StackSelection chosen) {
        this.selection = chosen;
        return this;
    }

    /** Serves Process Compose's REST API over this engine too, from before the stack starts until it is down. */
    public ForegroundStack processComposeApi(PcApiSettings settings) {
        this.pcApi = settings;
        return this;
    }

    public int run(PrintWriter out) throws InterruptedException {
        EngineFactory factory;
        // the hook below stops the control server too, so the engine's own hook is not wanted
        // the fetches and builds of `up` report their steps where up reports; the caller's overrides still win
        Module progress = binder -> binder.bind(FetchProgress.class)
                .toInstance(new ProgressBar(out, System.console() != null));
        Pitstop.Builder builder = Pitstop.builder().shutdownHook(false).locked(locked).override(progress)
                .override(overrides.toArray(Module[]::new));
        if (home != null) {
            builder.home(home);
        }
        try {
            factory = builder.injector().getInstance(EngineFactory.class);
        } catch (ConfigurationException e) {
            throw new PitstopException("this build of pitstop has no engine: nothing binds EngineFactory", e);
        }
        Engine engine = factory.open(stackFiles, selection);
        ControlServer control = new ControlServer(engine, engine.stack().stateDir(), new CliText(Clock.systemUTC()));
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<Dashboard> ui = new AtomicReference<>();
        AtomicReference<ProcessComposeApi> pc = new AtomicReference<>();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    engine.down();
                } finally {
                    Dashboard served = ui.get();
                    if (served != null) {
                        served.close();
                    }
                    ProcessComposeApi pcServed = pc.get();
                    if (pcServed != null) {
                        pcServed.close();
                    }
                    control.close();
                    engine.close();
                }
            }
        };
        Thread hook = new Thread(stop, "pitstop-shutdown");
        try {
            control.start();
            Runtime.getRuntime().addShutdownHook(hook);
            // what the reader ignored, one line each with its place, before anything starts
            engine.stack().warnings().forEach(w -> out.println("warning: " + w));
            if (dashboard != null) {
                ui.set(dashboard.start(new LocalControl(engine), out));
            }
            if (pcApi != null) {
                pc.set(startPcApi(engine, out));
            }
            engine.up();
            out.println("stack up: " + engine.ps().size() + " processes, control socket " + control.socketPath());
            out.flush();
            // as Process Compose's project, a foreground stack also ends once every process has ended: that brings
            // it down, off this thread. Each wait is long, so an idle supervisor's main thread does not wake up.
            engine.ended().thenRunAsync(engine::down);
            while (!engine.awaitDown(Duration.ofHours(1))) {
                // the stack runs until it is brought down or has nothing left to run
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it does the stop
            }
            stop.run();
        }
        return engine.exitCode();
    }

    private ProcessComposeApi startPcApi(Engine engine, PrintWriter out) {
        ProcessComposeApi api;
        try {
            // POST /project/stop answers first; the wait loop of run() then sees the stack down and tears it down
            api = ProcessComposeApi.start(new LocalControl(engine), engine::stack, pcApi, control ->
                    NamedThreads.named("pc-api-stop", control::down, 0).start());
        } catch (IOException e) {
            throw new PitstopException("cannot serve the Process Compose API on " + pcApi.address() + ": " + e, e);
        }
        if (pcApi.beyondThisMachine()) {
            out.println("warning: the Process Compose API listens on " + api.address()
                    + ", reachable from other machines" + (pcApi.token().isEmpty() ? ", with no token (PC_API_TOKEN)" : ""));
        }
        out.println("process compose api: http://" + api.address().getHostString() + ":" + api.address().getPort());
        return api;
    }
}
