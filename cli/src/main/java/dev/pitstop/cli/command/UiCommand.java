package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.ui.DashboardSettings;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.ControlException;
import dev.pitstop.control.NotRunningException;
import dev.pitstop.control.RemoteControl;
import dev.pitstop.ui.Dashboard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code pitstop ui}: serves the live dashboard of the running stack, through its control socket, until Ctrl-C
 * or until the stack stops.
 */
public final class UiCommand implements Subcommand, Callable<Integer> {
    private final PitstopCommand root;
    private final CommandSpec spec;
    private final OptionSpec file;
    private final DashboardOptions options;

    public UiCommand(PitstopCommand root) {
        this.root = root;
        this.spec = Specs.command(this, "ui", "Serve the live web dashboard of the running stack on 127.0.0.1 "
                + "and print its URL (with a token). Ctrl-C stops it; so does the stack stopping.");
        this.file = Specs.file(spec, "-f", "--file");
        this.options = new DashboardOptions(spec, "--host", "--port");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws InterruptedException {
        StackLocation stack = StackLocation.find(file.getValue(), root.workDir());
        RemoteControl api = new RemoteControl(stack.stateDir());
        if (!api.answers()) {
            throw new NotRunningException(stack.directory(), "nothing answers on .pitstop/pitstop.sock");
        }
        PrintWriter out = spec.commandLine().getOut();
        DashboardSettings settings = options.settings(stack.stateDir(), root.workDir());
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(done::countDown, "pitstop-ui-shutdown");
        try (Dashboard dashboard = settings.start(api, out)) {
            out.println("serving until Ctrl-C or the stack stops");
            out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            Thread watch = new Thread(() -> untilStackStops(api, done), "pitstop-ui-watch");
            watch.setDaemon(true);
            watch.start();
            done.await();
            watch.interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the dashboard closes above
            }
        }
        return 0;
    }

    /** A follow of the events ends when the stack stops (or its socket fails). */
    private static void untilStackStops(ControlApi api, CountDownLatch done) {
        try {
            api.followEvents(0, e -> { });
        } catch (ControlException stopped) {
            // the socket failed: the stack is gone
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }

    static Path defaultReports(Path stateDir) {
        return stateDir.resolve("drill");
    }
}
