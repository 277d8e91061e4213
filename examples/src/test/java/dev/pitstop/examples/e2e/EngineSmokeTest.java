package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Outcome;
import dev.pitstop.core.trust.BinaryNotRunnableException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole engine on the real nats-server: up, ps, reload, health-gated swaps that succeed, down. */
class EngineSmokeTest {
    @TempDir
    Path tempDir;

    @Test
    void upPsReloadDownThroughTheStore() throws Exception {
        Sha256 original = NatsStack.sha(NatsStack.NATS_SERVER);
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();

            assertThat(engine.ps()).extracting(p -> p.name()).containsExactlyInAnyOrder("nats", "bystander");
            assertThat(stack.status("nats").state()).isEqualTo(ProcessState.RUNNING);
            long pid = stack.pid("nats");
            assertThat(NatsStack.exeOf(pid)).isEqualTo(original);
            assertThat(Files.isSymbolicLink(stack.binLink())).isTrue();
            Path target = Files.readSymbolicLink(stack.binLink());
            assertThat(target.toString()).contains("/store/sha256/" + original.hex() + "/nats");
            assertThat(target).startsWith(tempDir.resolve("home"));
            assertThat(engine.manifest().current("nats")).get().extracting(v -> v.sha256()).isEqualTo(original);
            assertThat(Files.readString(stack.lockFile())).contains(original.hex());

            ReloadResult reload = engine.reload("nats");
            stack.track(reload.newPid());
            assertThat(reload.oldPid()).isEqualTo(pid);
            assertThat(reload.newPid()).isNotEqualTo(pid);
            assertThat(reload.executable()).isEqualTo(original);
            stack.awaitNatsReady();
            assertThat(engine.manifest().binary("nats").orElseThrow().history()).isEmpty();

            Files.delete(stack.incoming);
            ReloadResult withoutFile = engine.reload("nats");
            stack.track(withoutFile.newPid());
            assertThat(withoutFile.executable()).as("the stored version runs on").isEqualTo(original);
        }
    }

    @Test
    void aChangedFileIsSwappedInOnReloadAndByInstall() throws Exception {
        Sha256 original = NatsStack.sha(NatsStack.NATS_SERVER);
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            long oldPid = stack.pid("nats");
            long bystander = stack.pid("bystander");

            stack.replaceIncoming(stack.natsVariant("v2"));
            Sha256 v2 = NatsStack.sha(stack.incoming);
            ReloadResult reload = engine.reload("nats");
            stack.track(reload.newPid());

            assertThat(v2).isNotEqualTo(original);
            assertThat(reload.newPid()).isNotEqualTo(oldPid);
            assertThat(reload.executable()).isEqualTo(v2);
            assertThat(NatsStack.exeOf(reload.newPid())).isEqualTo(v2);
            BinaryRecord record = engine.manifest().binary("nats").orElseThrow();
            assertThat(record.current().sha256()).isEqualTo(v2);
            assertThat(record.candidate()).isNull();
            assertThat(record.history()).extracting(HistoryEntry::outcome, e -> e.binary().sha256())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.REPLACED, original));
            assertThat(Files.readSymbolicLink(stack.binLink()).toString()).contains(v2.hex());

            Path v3File = stack.natsVariant("v3");
            SwapResult swap = engine.install(InstallRequest.of("nats", v3File).version("v3"));
            Sha256 v3 = NatsStack.sha(v3File);
            assertThat(swap.to()).startsWith("v3 (");
            assertThat(swap.reloads()).singleElement().satisfies(r -> {
                stack.track(r.newPid());
                assertThat(r.name()).isEqualTo("nats");
                assertThat(r.executable()).isEqualTo(v3);
            });
            assertThat(NatsStack.exeOf(stack.pid("nats"))).isEqualTo(v3);
            assertThat(engine.manifest().current("nats").orElseThrow().version()).isEqualTo("v3");
            assertThat(engine.manifest().binary("nats").orElseThrow().history()).extracting(HistoryEntry::outcome)
                    .containsExactly(Outcome.REPLACED, Outcome.REPLACED);

            assertThat(stack.pid("bystander")).as("an unrelated process keeps its PID").isEqualTo(bystander);
            stack.awaitEvents("BINARY_STORED", "BINARY_SWAPPED");
        }
    }

    @Test
    void installingTheCurrentBytesAgainTouchesNothing() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            long pid = stack.pid("nats");
            String manifest = Files.readString(stack.lockFile());

            SwapResult same = engine.install(InstallRequest.of("nats", NatsStack.NATS_SERVER).version("again"));
            ReloadResult reload = engine.reload("nats");
            stack.track(reload.newPid());

            assertThat(same.reloads()).isEmpty();
            assertThat(same.from()).isEqualTo(same.to());
            assertThat(reload.oldPid()).as("the install did not restart nats; the reload did").isEqualTo(pid);
            assertThat(Files.readString(stack.lockFile())).isEqualTo(manifest);
            assertThatThrownBy(() -> engine.install(InstallRequest.of("nats", tempDir.resolve("missing"))))
                    .isInstanceOf(PitstopException.class)
                    .hasMessage(tempDir.resolve("missing") + ": no such file to install");
        }
    }

    @Test
    void upRefusesAFirstBinaryThatCannotRunAndStartsNothing() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Files.copy(stack.otherArch(), stack.incoming, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Engine engine = stack.open();

            assertThatThrownBy(engine::up).isInstanceOf(BinaryNotRunnableException.class)
                    .hasMessage(stack.incoming + ": built for aarch64, this machine is x86_64");
            assertThat(engine.ps()).allSatisfy(p -> assertThat(p.pid()).isZero());
            assertThat(Files.exists(stack.lockFile())).isFalse();
        }
    }

    @Test
    void installWhileDownOnlyRecordsAndLinks() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.open();
            Path v2File = stack.natsVariant("v2");
            SwapResult swap = engine.install(InstallRequest.of("nats", v2File).version("v2"));

            assertThat(swap.reloads()).isEmpty();
            assertThat(engine.manifest().current("nats").orElseThrow().sha256()).isEqualTo(NatsStack.sha(v2File));
            assertThat(Files.readSymbolicLink(stack.binLink()).toString()).contains(NatsStack.sha(v2File).hex());
        }
    }
}
