package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Outcome;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch: true}: a changed file at the binary's path is swapped in while the stack runs. */
class WatchTest {
    private static final Duration SWAP_DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path tempDir;

    @Test
    void aFileMovedOverTheWatchedPathIsSwappedIn() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, true)) {
            Engine engine = stack.up();
            long oldPid = stack.pid("nats");
            long bystander = stack.pid("bystander");
            Path v2File = stack.natsVariant("v2");
            Sha256 v2 = NatsStack.sha(v2File);

            stack.replaceIncoming(v2File);

            awaitRunning(stack, v2);
            assertThat(stack.pid("nats")).isNotEqualTo(oldPid);
            assertThat(engine.manifest().current("nats").orElseThrow().sha256()).isEqualTo(v2);
            assertThat(Files.readSymbolicLink(stack.binLink()).toString()).contains(v2.hex());
            assertThat(stack.pid("bystander")).isEqualTo(bystander);
            stack.awaitEvents("BINARY_STORED", "BINARY_SWAPPED");
        }
    }

    @Test
    void aBrokenFileIsRolledBackAndNotRetriedUntilTheFileChangesAgain() throws Exception {
        Sha256 v1 = NatsStack.sha(NatsStack.NATS_SERVER);
        try (NatsStack stack = new NatsStack(tempDir, true)) {
            Engine engine = stack.up();
            Path broken = stack.exitsAtOnce();
            Sha256 bad = NatsStack.sha(broken);

            // written in place, not renamed
            Files.copy(broken, stack.incoming, StandardCopyOption.REPLACE_EXISTING);

            await().atMost(SWAP_DEADLINE).untilAsserted(() -> assertThat(engine.manifest().binary("nats").orElseThrow()
                    .history()).extracting(HistoryEntry::outcome, e -> e.binary().sha256())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.BAD, bad)));
            // the rollback restarted nats: the old binary runs again, under a new PID
            awaitRunning(stack, v1);
            assertThat(engine.manifest().current("nats").orElseThrow().sha256()).isEqualTo(v1);
            stack.awaitEvents("ROLLED_BACK");

            // touched again with the same bad bytes: refused without a swap
            long restored = stack.pid("nats");
            Files.setLastModifiedTime(stack.incoming, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            await().atMost(SWAP_DEADLINE).untilAsserted(() ->
                    assertThat(stack.events()).contains("watched file not applied").contains(bad.shortHex()));
            assertThat(stack.pid("nats")).isEqualTo(restored);

            // then a good file, which is taken
            Path v2File = stack.natsVariant("v2");
            Sha256 v2 = NatsStack.sha(v2File);
            stack.replaceIncoming(v2File);

            awaitRunning(stack, v2);
            assertThat(engine.manifest().binary("nats").orElseThrow().history())
                    .as("the bad bytes were not tried a second time")
                    .extracting(HistoryEntry::outcome).containsExactly(Outcome.BAD, Outcome.REPLACED);
        }
    }

    @Test
    void aFileStillBeingWrittenIsTakenOnlyOnceItIsComplete() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, true)) {
            Engine engine = stack.up();
            byte[] v2 = Files.readAllBytes(stack.natsVariant("v2"));
            int chunk = v2.length / 4 + 1;

            // a slow writer: pauses shorter than the quiet period between chunks
            try (OutputStream out = Files.newOutputStream(stack.incoming)) {
                for (int from = 0; from < v2.length; from += chunk) {
                    out.write(Arrays.copyOfRange(v2, from, Math.min(v2.length, from + chunk)));
                    out.flush();
                    Thread.sleep(NatsStack.QUIET.toMillis() / 3);
                }
            }

            awaitRunning(stack, NatsStack.sha(stack.incoming));
            assertThat(engine.manifest().binary("nats").orElseThrow().history())
                    .as("no partial copy was ever stored or tried")
                    .extracting(HistoryEntry::outcome).containsExactly(Outcome.REPLACED);
        }
    }

    @Test
    void withoutWatchAChangedFileWaitsForAReload() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            long pid = stack.pid("nats");
            stack.replaceIncoming(stack.natsVariant("v2"));
            // no watcher thread exists for this stack, so nothing can pick the file up
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("pitstop-watch-"));
            assertThat(stack.pid("nats")).isEqualTo(pid);
            assertThat(engine.manifest().binary("nats").orElseThrow().history()).isEmpty();
        }
    }

    private static void awaitRunning(NatsStack stack, Sha256 sha) {
        await().atMost(SWAP_DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            long pid = stack.pid("nats");
            assertThat(pid).isPositive();
            assertThat(NatsStack.exeOf(pid)).isEqualTo(sha);
            assertThat(stack.status("nats").health()).isEqualTo(Health.READY);
            stack.track(pid);
        });
    }
}
