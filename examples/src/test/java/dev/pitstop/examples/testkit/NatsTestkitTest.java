package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.testkit.PitstopStack;
import dev.pitstop.testkit.PitstopTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "done when", with the annotation: the real nats-server on a free port, reloaded; the new process
 * serves. Also the waits and the log consumer, and where the stack's files go.
 */
@PitstopTest(value = "src/test/resources/testkit/nats/pitstop.yaml", ports = "NATS_PORT")
class NatsTestkitTest {

    @Test
    void aReloadedNatsServerServesOnTheSamePort(PitstopStack stack) throws Exception {
        int port = stack.port("NATS_PORT");
        stack.awaitPort(port);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (dev.pitstop.core.Subscription ignored = stack.onLog("nats", lines::add)) {
            ReloadResult reload = stack.engine().reload("nats");

            assertThat(reload.newPid()).isPositive().isNotEqualTo(reload.oldPid());
            stack.awaitHealthy("nats");
            assertThat(roundTrip(port)).isEqualTo("hello");
            assertThat(ProcessHandle.of(reload.oldPid()).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(lines).anyMatch(l -> l.contains("Server is ready"));
        }
    }

    @Test
    void waitsFindLogLinesAndSayWhatTheySawWhenTheyFail(PitstopStack stack) {
        assertThat(stack.awaitLogLine("nats", "Listening for client connections on .*:" + stack.port("NATS_PORT"),
                Duration.ofSeconds(10))).contains("Listening for client connections");

        assertThatThrownBy(() -> stack.awaitLogLine("nats", "never printed", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no output line of nats matched /never printed/")
                .hasMessageContaining("Server is ready");
    }

    @Test
    void waitsForPortsAndHealthNameWhatIsMissing(PitstopStack stack) throws Exception {
        stack.awaitHealthy("nats");
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> stack.awaitPort(closed, Duration.ofMillis(300))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("nothing accepts connections on 127.0.0.1:" + closed);
        assertThatThrownBy(() -> stack.awaitHealthy("postgres", Duration.ofMillis(300)))
                .hasMessageContaining("the stack has no process 'postgres'");
        assertThatThrownBy(() -> stack.port("REDIS_PORT")).hasMessageContaining("[NATS_PORT]");
    }

    @Test
    void theStackRunsUnderTargetNotInTheSources(PitstopStack stack) {
        Path target = Path.of("target", "pitstop").toAbsolutePath();
        assertThat(stack.workDir()).startsWith(target).endsWith(Path.of(NatsTestkitTest.class.getName()));
        assertThat(stack.engine().stack().stateDir()).startsWith(stack.workDir());
        assertThat(Path.of("src/test/resources/testkit/nats/.pitstop")).doesNotExist();
        assertThat(Path.of("src/test/resources/testkit/nats/pitstop.lock.json")).doesNotExist();
    }

    private static String roundTrip(int port) throws Exception {
        Options options = new Options.Builder().server("nats://127.0.0.1:" + port).connectionTimeout(Duration.ofSeconds(5))
                .noReconnect().build();
        try (Connection nats = Nats.connect(options)) {
            Subscription sub = nats.subscribe("greetings");
            nats.publish("greetings", "hello".getBytes(StandardCharsets.UTF_8));
            Message message = sub.nextMessage(Duration.ofSeconds(5));
            return message == null ? null : new String(message.getData(), StandardCharsets.UTF_8);
        }
    }
}
