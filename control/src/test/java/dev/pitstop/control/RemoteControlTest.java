package dev.pitstop.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Platform;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.testkit.FakeEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over the socket, the typed client answers exactly what the in-process implementation answers. */
class RemoteControlTest {
    @TempDir Path dir;
    final FakeEngine engine = new FakeEngine();
    final LocalControl local = new LocalControl(engine);
    ControlServer server;
    RemoteControl remote;

    @BeforeEach
    void start() {
        server = new ControlServer(engine, dir.resolve(".pitstop"));
        server.start();
        remote = new RemoteControl(dir.resolve(".pitstop"));
        engine.swapReloads = List.of(new ReloadResult("nats", 4242, 5151, FakeEngine.DIGEST, Duration.ofMillis(412)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void processesAndReloads() {
        assertThat(remote.processes()).isEqualTo(local.processes());
        assertThat(remote.process("ingest-worker")).isEqualTo(local.process("ingest-worker"));
        assertThat(remote.reload("nats")).isEqualTo(local.reload("nats")).isInstanceOf(Reloaded.class);
        assertThat(remote.reload("broken")).isEqualTo(local.reload("broken")).isInstanceOf(ReloadFailed.class);
        assertThat(remote.reload(List.of("nats", "broken"))).isEqualTo(local.reload(List.of("nats", "broken")));
        assertThat(remote.logs("nats", 2)).isEqualTo(local.logs("nats", 2));
        assertThat(remote.events(5)).isEqualTo(local.events(5));
        assertThat(remote.apply()).isEqualTo(local.apply());
    }

    @Test
    void swapsAndBinaryAnswers() {
        InstallRequest install = InstallRequest.of("nats", Path.of("/tmp/nats new")).version("v2.11.0").forced();
        assertThat(remote.install(install)).isEqualTo(local.install(install)).isInstanceOf(Swapped.class);
        InstallRequest broken = InstallRequest.of("broken", Path.of("/tmp/b")).version("2.0.0");
        assertThat(remote.install(broken)).isEqualTo(local.install(broken)).isInstanceOf(SwapFailed.class);
        RollbackRequest back = RollbackRequest.to("nats", "4fa3c1").forced();
        assertThat(remote.rollback(back)).isEqualTo(local.rollback(back));
        assertThat(remote.update(BinarySelection.of("broken"))).isEqualTo(local.update(BinarySelection.of("broken")));
        assertThat(remote.outdated()).isEqualTo(local.outdated());
        Optional<Platform> arm = Optional.of(Platform.parse("linux/arm64"));
        assertThat(remote.explain("nats", arm)).isEqualTo(local.explain("nats", arm));
        assertThat(remote.manifest()).isEqualTo(local.manifest());
        assertThat(remote.verify()).isEqualTo(local.verify());
        assertThat(remote.snapshot()).isEqualTo(local.snapshot());
    }

    @Test
    void refusalsCarryTheStatusAndTheReason() {
        assertThatThrownBy(() -> remote.process("nope")).isInstanceOf(ControlException.class)
                .hasMessageContaining("nope").extracting(e -> ((ControlException) e).status()).isEqualTo(404);
        assertThatThrownBy(() -> remote.restart("nope")).isInstanceOf(ControlException.class);
    }

    @Test
    void noStackIsNotRunning() {
        server.close();
        assertThatThrownBy(() -> remote.processes()).isInstanceOf(NotRunningException.class)
                .hasMessageContaining("no stack is running in " + dir.toAbsolutePath());
        assertThat(remote.answers()).isFalse();
    }
}
