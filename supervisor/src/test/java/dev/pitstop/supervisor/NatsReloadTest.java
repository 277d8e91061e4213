package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.stack.DependencyCondition;
import dev.pitstop.core.stack.ProbeSpec;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Debian's real nats-server, reloaded under a connected client and a healthy-gated dependent. */
class NatsReloadTest extends SupervisorHarness {

    @Test
    void reloadingNatsChangesOnlyItsPidAndClientsReconnect() throws Exception {
        int port = freePort();
        int monitor = freePort();
        ProbeSpec healthz = new ProbeSpec(new ProbeSpec.HttpGet("http", "127.0.0.1", monitor, "/healthz", Map.of()),
                Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1), 1, 3);
        up(sh("nats", "exec nats-server -a 127.0.0.1 -p " + port + " -m " + monitor).readinessProbe(healthz).build(),
                sh("ingest", "sleep 1000").dependsOn("nats", DependencyCondition.PROCESS_HEALTHY).build());
        long natsPid = awaitRunning("nats").pid();
        long ingestPid = awaitRunning("ingest").pid();
        assertThat(supervisor.status("nats").health()).isEqualTo(Health.READY);

        Options options = new Options.Builder().server("nats://127.0.0.1:" + port).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(100)).connectionTimeout(Duration.ofSeconds(2)).build();
        List<String> received = new CopyOnWriteArrayList<>();
        try (Connection nats = Nats.connect(options)) {
            Dispatcher dispatcher = nats.createDispatcher(m -> received.add(new String(m.getData(), StandardCharsets.UTF_8)));
            dispatcher.subscribe("pitstop.test");
            nats.publish("pitstop.test", "before".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("before"));

            ReloadResult result = supervisor.reload("nats");
            groups.add(result.newPid());

            assertThat(result.oldPid()).isEqualTo(natsPid);
            assertThat(result.newPid()).isNotEqualTo(natsPid);
            assertThat(result.executable() == null).isEqualTo(posix()); // POSIX cannot tell the executable
            assertThat(supervisor.status("ingest").pid()).isEqualTo(ingestPid);
            await().atMost(Duration.ofSeconds(15)).until(() -> nats.getStatus() == Connection.Status.CONNECTED);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                nats.publish("pitstop.test", "after".getBytes(StandardCharsets.UTF_8));
                return received.contains("after");
            });
        }
    }
}
