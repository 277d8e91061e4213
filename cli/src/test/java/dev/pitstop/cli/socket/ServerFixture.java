package dev.pitstop.cli.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.cli.text.CliText;
import dev.pitstop.control.ControlServer;
import dev.pitstop.testkit.FakeEngine;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The control server of {@code pitstop up}, with the CLI's text renderer, in front of a {@link FakeEngine}. */
abstract class ServerFixture {
    @TempDir Path dir;
    final ObjectMapper mapper = new ObjectMapper();
    final FakeEngine engine = new FakeEngine();
    ControlServer server;
    Path socket;

    @BeforeEach
    void start() {
        server = new ControlServer(engine, dir.resolve(".pitstop"), new CliText(Clock.systemUTC()));
        server.start();
        socket = server.socketPath();
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
