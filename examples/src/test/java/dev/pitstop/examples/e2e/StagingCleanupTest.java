package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StagingArea;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 A5: what a {@code kill -9} during an install leaves in the staging folder is deleted at the next start
 * and by {@code store gc}; what a running install stages is not.
 */
class StagingCleanupTest {
    @TempDir
    Path tempDir;

    @Test
    void stagingLeftByAKilledInstallIsDeletedAtStartAndByStoreGc() throws Exception {
        try (ScriptStack stack = new ScriptStack(tempDir, """
                processes:
                  svc:
                    command: "exec sleep 1000"
                """)) {
            Path staging = stack.home.resolve("cache/staging");
            Path live = new StagingArea(staging).newFile("live"); // an install of this JVM, still running
            Path killedBeforeUp = stageAndKill(staging);

            stack.up();
            stack.awaitRunning("svc");

            assertThat(killedBeforeUp).doesNotExist();
            assertThat(live).exists();

            Path killedWhileUp = stageAndKill(staging);
            BinaryStore store = stack.service(BinaryStore.class);
            store.gc(stack.service(ManifestStore.class).retained(3), false);

            assertThat(killedWhileUp).doesNotExist();
            assertThat(live).exists();
        }
    }

    /** Runs {@link StagingVictim} in a JVM of its own and kills it with SIGKILL once it has staged its file. */
    private static Path stageAndKill(Path staging) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process victim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StagingVictim.class.getName(), staging.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
            Path staged = Path.of(out.readLine());
            assertThat(staged).exists().hasParent(staging);
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.size(staged)).isEqualTo(1 << 20);
            return staged;
        } finally {
            victim.destroyForcibly();
        }
    }
}
