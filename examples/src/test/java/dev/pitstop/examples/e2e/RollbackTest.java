package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollback}: back to an earlier stored version through the same health-gated path. */
class RollbackTest {
    @TempDir
    Path tempDir;

    @Test
    void rollbackGoesBackToThePreviousVersionThenToOnesNamedByLabelOrShaPrefix() throws Exception {
        Sha256 v1 = NatsStack.sha(NatsStack.NATS_SERVER);
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            long bystander = stack.pid("bystander");
            Path v2File = stack.natsVariant("v2");
            Sha256 v2 = NatsStack.sha(v2File);
            engine.install(InstallRequest.of("nats", v2File).version("v2")).reloads().forEach(r -> stack.track(r.newPid()));
            long onV2 = stack.pid("nats");

            SwapResult back = engine.rollback(RollbackRequest.previous("nats"));

            assertThat(back.from()).startsWith("v2 (");
            assertThat(back.reloads()).singleElement().satisfies(r -> {
                stack.track(r.newPid());
                assertThat(r.oldPid()).isEqualTo(onV2);
                assertThat(r.executable()).isEqualTo(v1);
            });
            stack.awaitNatsReady();
            assertThat(NatsStack.exeOf(stack.pid("nats"))).isEqualTo(v1);
            assertThat(Files.readSymbolicLink(stack.binLink()).toString()).contains(v1.hex());
            assertThat(engine.manifest().current("nats").orElseThrow().sha256()).isEqualTo(v1);
            assertThat(engine.manifest().binary("nats").orElseThrow().history())
                    .extracting(HistoryEntry::outcome, e -> e.binary().sha256())
                    .containsExactly(tuple(Outcome.REPLACED, v1), tuple(Outcome.ROLLED_BACK, v2));
            stack.awaitEvents("ROLLED_BACK");

            SwapResult byLabel = engine.rollback(RollbackRequest.to("nats", "v2"));
            byLabel.reloads().forEach(r -> stack.track(r.newPid()));
            assertThat(byLabel.to()).startsWith("v2 (");
            assertThat(NatsStack.exeOf(stack.pid("nats"))).isEqualTo(v2);

            SwapResult byPrefix = engine.rollback(RollbackRequest.to("nats", v1.hex().substring(0, 8)));
            byPrefix.reloads().forEach(r -> stack.track(r.newPid()));
            assertThat(NatsStack.exeOf(stack.pid("nats"))).isEqualTo(v1);
            assertThat(engine.manifest().current("nats").orElseThrow().sha256()).isEqualTo(v1);

            assertThatThrownBy(() -> engine.rollback(RollbackRequest.to("nats", v1.hex().substring(0, 8))))
                    .isInstanceOf(PitstopException.class).hasMessageContaining("already current");
            assertThatThrownBy(() -> engine.rollback(RollbackRequest.to("nats", "v9")))
                    .isInstanceOf(PitstopException.class).hasMessageContaining("no earlier version matches 'v9'");
            assertThat(stack.pid("bystander")).isEqualTo(bystander);
        }
    }

    @Test
    void aVersionMarkedBadIsNoRollbackTargetUnlessForced() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            Path broken = stack.exitsAtOnce();
            Sha256 bad = NatsStack.sha(broken);
            assertThatThrownBy(() -> engine.install(InstallRequest.of("nats", broken).version("broken"))).isInstanceOf(SwapFailedException.class);
            stack.awaitNatsReady();

            assertThatThrownBy(() -> engine.rollback(RollbackRequest.previous("nats")))
                    .as("the only earlier version is bad, so there is no default target")
                    .isInstanceOf(PitstopException.class).hasMessageContaining("no earlier version recorded");
            assertThatThrownBy(() -> engine.rollback(RollbackRequest.to("nats", bad.hex().substring(0, 10))))
                    .isInstanceOf(PitstopException.class).hasMessageContaining("marked bad");
            long pid = stack.pid("nats");

            assertThatThrownBy(() -> engine.rollback(RollbackRequest.to("nats", bad.hex().substring(0, 10)).forced()))
                    .as("forced, the bad version is tried and rolled back again")
                    .isInstanceOf(SwapFailedException.class);
            stack.awaitNatsReady();
            stack.track(stack.pid("nats"));
            assertThat(stack.pid("nats")).isNotEqualTo(pid);
            assertThat(NatsStack.exeOf(stack.pid("nats"))).isEqualTo(NatsStack.sha(NatsStack.NATS_SERVER));
            assertThat(engine.manifest().current("nats").orElseThrow().sha256())
                    .isEqualTo(NatsStack.sha(NatsStack.NATS_SERVER));
        }
    }
}
