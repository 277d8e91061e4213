package dev.pitstop.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pitstop.core.Engine;
import dev.pitstop.core.NotReadyException;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.process.ProcessState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code awaitReady} waits for real processes, and a failure names the process, its probe's error, its output. */
class AwaitReadyTest {
    @TempDir Path dir;

    @Test
    void aProcessThatNeverListensIsNamedWithItsProbeErrorAndLastLines() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // closed again: nothing listens there
        }
        Path stack = Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  web:
                    command: "echo 'starting web'; echo 'listen: address already in use' >&2; exec sleep 300"
                    readiness_probe:
                      http_get: { host: 127.0.0.1, port: %d, path: /healthz }
                  quiet:
                    command: "exec sleep 300"
                """.formatted(port));
        try (Engine engine = Pitstop.builder().home(dir.resolve("home")).shutdownHook(false).open(stack)) {
            engine.up();

            NotReadyException failure = catchThrowableOfType(NotReadyException.class,
                    () -> engine.awaitReady(Duration.ofSeconds(2)));

            assertThat(failure.laggards()).hasSize(1);
            NotReadyException.Laggard web = failure.laggards().get(0);
            assertThat(web.status().name()).isEqualTo("web");
            assertThat(web.status().state()).isEqualTo(ProcessState.RUNNING);
            assertThat(web.probeError()).hasValueSatisfying(e -> assertThat(e)
                    .startsWith("GET http://127.0.0.1:" + port + "/healthz: ").containsIgnoringCase("refused"));
            assertThat(web.lastLogLines()).contains("starting web", "listen: address already in use");
            assertThat(failure.getMessage()).startsWith("the stack is not ready after 2000 ms: web is Running, "
                    + "health Not Ready, probe: GET http://127.0.0.1:" + port + "/healthz: ")
                    .contains("listen: address already in use");
        }
    }

    @Test
    void aStackOfReadyProcessesIsReadyAtOnce() throws Exception {
        Path stack = Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  ticker:
                    command: "echo ready; exec sleep 300"
                    ready_log_line: "^ready$"
                  oneshot:
                    command: "true"
                """);
        try (Engine engine = Pitstop.builder().home(dir.resolve("home")).shutdownHook(false).open(stack)) {
            engine.up();
            engine.awaitReady(Duration.ofSeconds(30));
            assertThat(engine.ps()).extracting(s -> s.name() + "=" + s.state())
                    .contains("ticker=" + ProcessState.RUNNING);
        }
    }
}
