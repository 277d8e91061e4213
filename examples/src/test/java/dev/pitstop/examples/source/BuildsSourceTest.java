package dev.pitstop.examples.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.StackFileException;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.testkit.ProcessLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Write your own source" example of docs/sources.md, from a stack file to a running process. */
class BuildsSourceTest {
    @TempDir
    Path dir;
    private Path stackFile;

    @BeforeEach
    void builds() throws Exception {
        Path out = Files.createDirectories(dir.resolve("stack/out"));
        byte[] sleep = Files.readAllBytes(Path.of("/bin/sleep"));
        Files.write(out.resolve("sleeper-1.2.0"), sleep);
        Files.write(out.resolve("sleeper-1.10.0"), Arrays.copyOf(sleep, sleep.length + 1));
        Files.writeString(out.resolve("sleeper-notes.txt"), "not a build");
        stackFile = dir.resolve("stack/pitstop.yaml");
    }

    @Test
    void theHighestBuildRunsFromTheStore() throws Exception {
        Files.writeString(stackFile, """
                binaries:
                  sleeper:
                    builds: ./out
                    prefix: sleeper-
                processes:
                  sleeper:
                    command: "exec ${bin:sleeper} 1000"
                """);
        try (Engine engine = open()) {
            engine.up();
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.ps().get(0).state() == ProcessState.RUNNING);
            long pid = engine.ps().get(0).pid();

            Sha256 newest = Sha256.ofFile(dir.resolve("stack/out/sleeper-1.10.0"));
            // RUNNING comes at the launch; the shell's `exec` into the binary follows a moment later
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(Sha256.ofFile(Path.of("/proc/" + pid + "/exe"))).isEqualTo(newest));
            BinaryVersion current = engine.manifest().current("sleeper").orElseThrow();
            assertThat(current.version()).isEqualTo("1.10.0");
            assertThat(current.sha256()).isEqualTo(newest);
            engine.down();
            ProcessLeaks.assertNone(Set.of(pid));
        }
    }

    @Test
    void itsKeysAreCheckedWhenTheStackFileIsRead() throws Exception {
        Files.writeString(stackFile, """
                binaries:
                  sleeper:
                    builds: ./out
                    prefx: sleeper-
                processes: {}
                """);
        assertThatThrownBy(this::open).isInstanceOf(StackFileException.class)
                .hasMessage(stackFile + ":4:5: binaries.sleeper.prefx: unknown key for a builds source (its keys: prefix)");

        Files.writeString(stackFile, "binaries:\n  sleeper: { builds: ./out, prefix: a/b }\nprocesses: {}\n");
        assertThatThrownBy(this::open).isInstanceOf(StackFileException.class)
                .hasMessage(stackFile + ":2:37: binaries.sleeper.prefix: expected the start of a file name, found 'a/b'");
    }

    private Engine open() {
        return Pitstop.injector(new BuildsModule(), binder -> binder.bind(PitstopHome.class)
                .toInstance(new PitstopHome(dir.resolve("home")))).getInstance(EngineFactory.class).open(stackFile);
    }
}
