package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.process.ReloadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 B8: with binaries {@code nats} and {@code nats-exporter}, a swap of {@code nats} reloads only the
 * process that names {@code ${bin:nats}}; before, {@code .pitstop/bin/nats} was found inside the exporter's path.
 */
class SharedNamePrefixTest {
    @TempDir
    Path tempDir;

    @Test
    void aSwapReloadsOnlyTheProcessesThatNameTheBinary() throws Exception {
        int port = NatsStack.freePort();
        int monitor = NatsStack.freePort();
        try (ScriptStack stack = new ScriptStack(tempDir, """
                binaries:
                  nats: { file: ./incoming/nats-server }
                  nats-exporter: { file: ./incoming/exporter }
                processes:
                  nats:
                    command: "${bin:nats} -a 127.0.0.1 -p %d -m %d"
                    ready_log_line: "Server is ready"
                    reload_timeout_seconds: 10
                  exporter:
                    command: "${bin:nats-exporter} http://127.0.0.1:%d"
                """.formatted(port, monitor, monitor))) {
            Files.createDirectories(stack.dir.resolve("incoming"));
            Files.copy(NatsStack.NATS_SERVER, stack.dir.resolve("incoming/nats-server"));
            Files.move(stack.script("exporter-script", "exec sleep 1000"), stack.dir.resolve("incoming/exporter"));
            Engine engine = stack.up("nats");
            long exporter = stack.awaitRunning("exporter");

            Path v2 = stack.dir.resolve("nats-v2");
            Files.copy(NatsStack.NATS_SERVER, v2);
            Files.writeString(v2, "\nv2\n", java.nio.file.StandardOpenOption.APPEND);
            SwapResult swap = engine.install(InstallRequest.of("nats", v2).version("v2"));
            swap.reloads().forEach(r -> stack.track(r.newPid()));

            assertThat(swap.reloads()).extracting(ReloadResult::name).containsExactly("nats");
            assertThat(stack.pid("exporter")).isEqualTo(exporter);
        }
    }
}
