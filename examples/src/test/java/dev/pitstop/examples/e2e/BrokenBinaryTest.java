package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.store.BadBinaryException;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Outcome;
import dev.pitstop.core.trust.BinaryNotRunnableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Broken binaries offered to a running stack, by {@code install} or by replacing the file and reloading: each
 * is refused or rolled back, the previous version runs and is ready, the candidate is marked bad, and nothing
 * else changes.
 */
class BrokenBinaryTest {
    @TempDir
    Path tempDir;

    /** How a broken binary fails, and where the reason shows. */
    enum Broken {
        TRUNCATED(false, null),
        TEXT_FILE(true, "not a Linux executable"),
        RANDOM_BYTES(true, "not a Linux executable"),
        OTHER_ARCH(true, "built for aarch64, this machine is x86_64"),
        EXITS_AT_ONCE(false, "exited before it was ready"),
        NEVER_READY(false, "not ready within");

        /** Rejected by the platform trust check, before anything is stopped. */
        final boolean rejectedByTrust;
        final String reason;

        Broken(boolean rejectedByTrust, String reason) {
            this.rejectedByTrust = rejectedByTrust;
            this.reason = reason;
        }

        Path make(NatsStack stack) throws IOException {
            return switch (this) {
                case TRUNCATED -> stack.truncated();
                case TEXT_FILE -> stack.textFile();
                case RANDOM_BYTES -> stack.randomBytes();
                case OTHER_ARCH -> stack.otherArch();
                case EXITS_AT_ONCE -> stack.exitsAtOnce();
                case NEVER_READY -> stack.neverReady();
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void installOfABrokenBinaryLeavesThePreviousVersionRunning(Broken broken) throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            Before before = Before.of(stack, engine);
            Path file = broken.make(stack);

            Throwable failure = catchThrowable(() -> engine.install(InstallRequest.of("nats", file).version("broken")));

            assertRefused(broken, failure);
            assertPreviousVersionBack(stack, engine, before, broken, NatsStack.sha(file));
            long restored = stack.pid("nats");
            assertThatThrownBy(() -> engine.install(InstallRequest.of("nats", file).version("again")))
                    .isInstanceOf(BadBinaryException.class)
                    .hasMessageContaining(NatsStack.sha(file).shortHex()).hasMessageContaining("marked bad");
            assertThat(stack.pid("nats")).as("a refused re-apply touches nothing").isEqualTo(restored);
            assertThat(engine.manifest().binary("nats").orElseThrow().history()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Broken.class, names = {"TRUNCATED", "OTHER_ARCH", "EXITS_AT_ONCE", "TEXT_FILE"})
    void aBrokenFileAtTheConfiguredPathIsRolledBackOnReload(Broken broken) throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            Before before = Before.of(stack, engine);
            stack.replaceIncoming(broken.make(stack));
            Sha256 bad = NatsStack.sha(stack.incoming);

            Throwable failure = catchThrowable(() -> engine.reload("nats"));

            assertRefused(broken, failure);
            assertPreviousVersionBack(stack, engine, before, broken, bad);
            // the bad file no longer blocks a reload (issue 9 C11): the current version restarts, with a warning
            stack.track(engine.reload("nats").newPid());
            assertThat(engine.manifest().current("nats").orElseThrow().sha256()).isEqualTo(before.sha());
            stack.awaitEvents("WARNING");
            assertThat(stack.events()).contains("marked bad").contains(bad.shortHex());
        }
    }

    @Test
    void forceAppliesABadVersionAgain() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            Path file = stack.exitsAtOnce();
            assertThatThrownBy(() -> engine.install(InstallRequest.of("nats", file).version("broken"))).isInstanceOf(SwapFailedException.class);
            assertThatThrownBy(() -> engine.install(InstallRequest.of("nats", file).version("broken"))).isInstanceOf(BadBinaryException.class);

            assertThatThrownBy(() -> engine.install(InstallRequest.of("nats", file).version("broken").forced()))
                    .as("forced, it is tried (and fails) again")
                    .isInstanceOf(SwapFailedException.class);
            stack.awaitNatsReady();
            assertThat(engine.manifest().binary("nats").orElseThrow().history())
                    .extracting(HistoryEntry::outcome).containsExactly(Outcome.BAD, Outcome.BAD);
        }
    }

    private static void assertRefused(Broken broken, Throwable failure) {
        assertThat(failure).isInstanceOf(PitstopException.class);
        if (broken.rejectedByTrust) {
            assertThat(failure).isInstanceOf(BinaryNotRunnableException.class).hasMessageContaining(broken.reason);
            return;
        }
        assertThat(failure).isInstanceOf(SwapFailedException.class).hasMessageContaining("rolled back to");
        SwapFailedException swap = (SwapFailedException) failure;
        assertThat(swap.binary()).isEqualTo("nats");
        assertThat(swap.restored()).isNotNull();
        if (broken.reason != null) {
            assertThat(swap).hasMessageContaining(broken.reason);
        }
        switch (broken) {
            case EXITS_AT_ONCE -> {
                assertThat(swap.exitCode()).isEqualTo(1);
                assertThat(swap.lastLogLines()).anyMatch(l -> l.contains("fatal: this build is broken"));
            }
            case NEVER_READY -> assertThat(swap.lastLogLines()).anyMatch(l -> l.contains("never listening"));
            case TRUNCATED -> assertThat(swap.exitCode()).isNotNull().isNotZero();
            default -> { }
        }
    }

    private static void assertPreviousVersionBack(NatsStack stack, Engine engine, Before before, Broken broken,
                                                  Sha256 bad) throws IOException {
        stack.awaitNatsReady();
        long pid = stack.pid("nats");
        stack.track(pid);
        assertThat(stack.status("nats").health()).isEqualTo(Health.READY);
        assertThat(NatsStack.exeOf(pid)).as("the old binary runs").isEqualTo(before.sha);
        if (broken.rejectedByTrust) {
            assertThat(pid).as("a binary the trust check rejects never stops the running one").isEqualTo(before.natsPid);
        }
        assertThat(stack.pid("bystander")).as("unrelated processes keep their PID").isEqualTo(before.bystanderPid);
        assertThat(Files.readSymbolicLink(stack.binLink())).isEqualTo(before.linkTarget);
        assertThat(NatsStack.sha(before.linkTarget)).as("the stored old binary is untouched").isEqualTo(before.sha);

        BinaryRecord record = engine.manifest().binary("nats").orElseThrow();
        assertThat(record.current()).isEqualTo(before.record.current());
        assertThat(record.candidate()).isNull();
        List<HistoryEntry> expectedStart = before.record.history();
        assertThat(record.history()).hasSize(expectedStart.size() + 1);
        assertThat(record.history().subList(0, expectedStart.size())).isEqualTo(expectedStart);
        HistoryEntry last = record.history().get(record.history().size() - 1);
        assertThat(last.outcome()).isEqualTo(Outcome.BAD);
        assertThat(last.binary().sha256()).isEqualTo(bad);
        assertThat(last.reason()).isNotBlank();
        if (broken.reason != null) {
            assertThat(last.reason()).contains(broken.reason);
        }
        if (broken.rejectedByTrust) {
            assertThat(last.reason()).startsWith("cannot run here: ");
        }
        if (broken == Broken.EXITS_AT_ONCE) {
            assertThat(last.reason()).isEqualTo("nats: exited before it was ready (exit code 1)");
        }
        assertThat(Files.readString(stack.lockFile())).contains("\"bad\"");
        if (broken.rejectedByTrust) {
            stack.awaitEvents("WARNING");
            assertThat(stack.events()).doesNotContain("RELOAD_STARTED");
        } else {
            stack.awaitEvents("BINARY_STORED", "RELOAD_FAILED", "ROLLED_BACK");
        }
    }

    /** What must hold again after a failed swap. */
    private record Before(Sha256 sha, long natsPid, long bystanderPid, Path linkTarget, BinaryRecord record) {
        static Before of(NatsStack stack, Engine engine) throws IOException {
            return new Before(engine.manifest().current("nats").orElseThrow().sha256(), stack.pid("nats"),
                    stack.pid("bystander"), Files.readSymbolicLink(stack.binLink()),
                    engine.manifest().binary("nats").orElseThrow());
        }
    }

}
