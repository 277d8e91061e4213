package dev.pitstop.cli;

import dev.pitstop.cli.text.CliText;
import dev.pitstop.testkit.FakeEngine;
import dev.pitstop.control.ControlServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A stand-in for {@code pitstop up} until the engine lands: the real control server in front of
 * {@link FakeEngine}, for benchmarks/cli/ps.sh. Runs until {@code pitstop down} or SIGTERM.
 */
public final class FakeStackMain {
    private FakeStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        FakeEngine engine = new FakeEngine();
        try (ControlServer server = new ControlServer(engine, Path.of(args[0]).resolve(".pitstop"), new CliText(Clock.systemUTC()))) {
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fake-stack-shutdown"));
            System.out.println("listening on " + server.socketPath());
            while (!engine.awaitDown(Duration.ofMinutes(1))) {
                // until down
            }
        }
    }
}
