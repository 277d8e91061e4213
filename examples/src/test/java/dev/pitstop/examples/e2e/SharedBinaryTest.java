package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ReloadResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes run one managed binary: a swap moves both, a failed one restores both. */
class SharedBinaryTest {
    @TempDir
    Path tempDir;

    @Test
    void everyProcessOfTheBinaryIsSwappedAndRestoredTogether() throws Exception {
        Sha256 v1 = NatsStack.sha(NatsStack.NATS_SERVER);
        try (NatsStack stack = new NatsStack(tempDir, false, true)) {
            Engine engine = stack.up();
            awaitReady(stack, "nats2");
            stack.track(stack.pid("nats2"));
            long bystander = stack.pid("bystander");
            Path v2File = stack.natsVariant("v2");
            Sha256 v2 = NatsStack.sha(v2File);

            SwapResult swap = engine.install(InstallRequest.of("nats", v2File).version("v2"));

            assertThat(swap.reloads()).extracting(ReloadResult::name).containsExactlyInAnyOrder("nats", "nats2");
            swap.reloads().forEach(r -> stack.track(r.newPid()));
            assertThat(swap.reloads()).allSatisfy(r -> assertThat(r.executable()).isEqualTo(v2));

            assertThatThrownBy(() -> engine.install(InstallRequest.of("nats", stack.exitsAtOnce()).version("broken")))
                    .isInstanceOf(SwapFailedException.class);

            for (String name : new String[] {"nats", "nats2"}) {
                awaitReady(stack, name);
                stack.track(stack.pid(name));
                assertThat(NatsStack.exeOf(stack.pid(name))).as(name).isEqualTo(v2);
            }
            assertThat(engine.manifest().current("nats").orElseThrow().sha256()).isEqualTo(v2).isNotEqualTo(v1);
            assertThat(stack.pid("bystander")).isEqualTo(bystander);
        }
    }

    private static void awaitReady(NatsStack stack, String name) {
        await().atMost(Duration.ofSeconds(15)).until(() -> stack.status(name).health() == Health.READY
                && stack.status(name).pid() > 0);
    }
}
