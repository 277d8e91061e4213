package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.Outcome;
import dev.pitstop.core.store.StoredBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 B7, C11, C12, C16 and the stale candidate: what a {@code file:} binary's path means to {@code up} and
 * {@code reload}. Which build runs is told by its command line ({@code sleep 1001}, {@code sleep 1002}, …).
 */
class FileBinaryTest {
    private static final Duration SWAP = Duration.ofSeconds(20);

    @TempDir
    Path tempDir;

    @Test
    void aMissingStoreFileIsNeverReplacedByOtherBytes() throws Exception {
        try (ScriptStack stack = stack()) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            engine.install(InstallRequest.of("svc", stack.script("v2", "exec sleep 1002")).version("v2"))
                    .reloads().forEach(r -> stack.track(r.newPid()));
            Sha256 v2 = engine.manifest().current("svc").orElseThrow().sha256();
            stack.downAndClose();
            deleteStored(stack, v2);

            assertThatThrownBy(() -> stack.up()).isInstanceOf(PitstopException.class)
                    .hasMessageContaining("the current version v2")
                    .hasMessageContaining(v2.hex())
                    .hasMessageContaining("is missing from the store");
            assertThat(stack.engine().manifest().current("svc").orElseThrow().sha256()).isEqualTo(v2);
        }
    }

    @Test
    void aMissingStoreFileIsRestoredFromExactlyItsBytes() throws Exception {
        try (ScriptStack stack = stack()) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            BinaryVersion v1 = engine.manifest().current("svc").orElseThrow();
            stack.downAndClose();
            deleteStored(stack, v1.sha256());

            Engine again = stack.up();

            stack.awaitCommandLine("svc", "sleep 1001");
            assertThat(again.manifest().current("svc")).contains(v1);
            assertThat(again.manifest().binary("svc").orElseThrow().history()).isEmpty();
        }
    }

    @Test
    void aReloadAfterAnInstallRestartsTheInstalledVersionAndABadFileNoLongerBlocksIt() throws Exception {
        try (ScriptStack stack = stack()) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            engine.install(InstallRequest.of("svc", stack.script("v2", "exec sleep 1002")).version("v2"))
                    .reloads().forEach(r -> stack.track(r.newPid()));

            stack.track(engine.reload("svc").newPid());
            stack.awaitCommandLine("svc", "sleep 1002");
            assertThat(engine.manifest().current("svc").orElseThrow().version()).isEqualTo("v2");

            // a broken build at the path is tried once, rolled back and marked bad ...
            stack.deploy("incoming/svc", "echo broken >&2; exit 1");
            assertThatThrownBy(() -> engine.reload("svc")).isInstanceOf(SwapFailedException.class);
            // ... and then no longer blocks a reload: the current version restarts, with a warning
            stack.track(engine.reload("svc").newPid());
            stack.awaitCommandLine("svc", "sleep 1002");
            assertThat(stack.events(EventType.WARNING, "svc")).last()
                    .satisfies(e -> assertThat(e.detail()).contains("marked bad").contains("v2 (")
                            .contains("runs instead"));

            // a new build at the path is taken by the next reload
            stack.deploy("incoming/svc", "exec sleep 1003");
            stack.track(engine.reload("svc").newPid());
            stack.awaitCommandLine("svc", "sleep 1003");
        }
    }

    @Test
    void everyBuildOfAFileBinaryGetsItsOwnLabel() throws Exception {
        try (ScriptStack stack = stack()) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            stack.deploy("incoming/svc", "exec sleep 1002");
            stack.track(engine.reload("svc").newPid());

            BinaryVersion current = engine.manifest().current("svc").orElseThrow();
            BinaryVersion first = engine.manifest().binary("svc").orElseThrow().history().get(0).binary();
            assertThat(current.version()).isEqualTo("v2.9.10+" + current.sha256().hex().substring(0, 8));
            assertThat(first.version()).isEqualTo("v2.9.10+" + first.sha256().hex().substring(0, 8));
            assertThat(current.version()).isNotEqualTo(first.version());
        }
    }

    @Test
    void upSwapsInAFileThatChangedWhileTheStackWasDown() throws Exception {
        try (ScriptStack stack = stack()) {
            stack.up();
            stack.awaitRunning("svc");
            stack.downAndClose();
            stack.deploy("incoming/svc", "exec sleep 1002");

            Engine engine = stack.up();

            await().atMost(SWAP).untilAsserted(() -> {
                stack.awaitCommandLine("svc", "sleep 1002");
                assertThat(engine.manifest().binary("svc").orElseThrow().history())
                        .extracting(HistoryEntry::outcome).containsExactly(Outcome.REPLACED);
            });
        }
    }

    @Test
    void aBrokenFileThatChangedWhileTheStackWasDownIsRolledBackAfterUp() throws Exception {
        try (ScriptStack stack = stack()) {
            stack.up();
            stack.awaitRunning("svc");
            stack.downAndClose();
            stack.deploy("incoming/svc", "echo broken >&2; exit 1");

            Engine engine = stack.up();

            await().atMost(SWAP).untilAsserted(() -> assertThat(engine.manifest().binary("svc").orElseThrow().history())
                    .extracting(HistoryEntry::outcome).containsExactly(Outcome.BAD));
            stack.awaitCommandLine("svc", "sleep 1001");
        }
    }

    @Test
    void upResolvesTheCandidateOfASwapThatWasCutOff() throws Exception {
        try (ScriptStack stack = stack()) {
            stack.up();
            stack.awaitRunning("svc");
            BinaryVersion v1 = stack.engine().manifest().current("svc").orElseThrow();
            stack.downAndClose();
            // what a supervisor killed in the middle of a swap leaves on disk: the candidate recorded, the link on it
            StoredBinary v2 = stack.service(BinaryStore.class).put(stack.script("v2", "exec sleep 1002"), "svc");
            BinaryVersion candidate = new BinaryVersion(v1.source(), "v2", null, v2.sha256(), v2.size(), v1.platform(),
                    Instant.now(), v1.evidence(), v1.trustSteps(), null);
            stack.service(ManifestStore.class).update(stack.dir.resolve("pitstop.lock.json"),
                    m -> m.withCandidate("svc", candidate, false, Instant.now()));
            stack.service(BinLinks.class).switchTo(stack.dir.resolve(".pitstop"), "svc", v2);

            Engine engine = stack.up();

            stack.awaitCommandLine("svc", "sleep 1001");
            assertThat(engine.manifest().candidate("svc")).isEmpty();
            assertThat(engine.manifest().current("svc")).contains(v1);
            assertThat(engine.manifest().binary("svc").orElseThrow().history()).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(Outcome.ROLLED_BACK);
                assertThat(e.reason()).startsWith("swap interrupted");
                assertThat(e.binary().sha256()).isEqualTo(v2.sha256());
            });
        }
    }

    private ScriptStack stack() throws IOException {
        return ScriptStack.scriptBinary(tempDir, ", version: v2.9.10");
    }

    /** Deletes a store file the way `rm -rf` on the store (or a disk problem) would. */
    private static void deleteStored(ScriptStack stack, Sha256 sha) throws Exception {
        Path dir = stack.home.resolve("store/sha256").resolve(sha.hex());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.delete(dir.resolve("svc"));
        Files.delete(dir);
    }
}
