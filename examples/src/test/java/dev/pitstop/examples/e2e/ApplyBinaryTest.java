package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.testkit.ProcessLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply} of a stack file that gained a binary and a process running it. */
class ApplyBinaryTest {
    @TempDir
    Path dir;

    @Test
    void aBinaryAddedToTheStackFileIsStoredBeforeItsProcessStarts() throws Exception {
        Path sleep = Files.copy(Path.of("/bin/sleep"), dir.resolve("sleep-a"));
        Files.write(dir.resolve("sleep-b"), concat(Files.readAllBytes(sleep), new byte[] {0}));
        Path stackFile = dir.resolve("pitstop.yaml");
        Files.writeString(stackFile, """
                binaries:
                  a: { file: ./sleep-a }
                processes:
                  first:
                    command: "exec ${bin:a} 1000"
                """);
        Engine engine = Pitstop.injector(binder -> binder.bind(PitstopHome.class)
                .toInstance(new PitstopHome(dir.resolve("home")))).getInstance(EngineFactory.class).open(stackFile);
        try (engine) {
            engine.up();
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.ps().get(0).state() == ProcessState.RUNNING);
            long first = engine.ps().get(0).pid();

            Files.writeString(stackFile, Files.readString(stackFile).replace("processes:", "  b: { file: ./sleep-b }\nprocesses:")
                    + "  second:\n    command: \"exec ${bin:b} 1000\"\n");
            ApplyResult result = engine.apply();

            assertThat(result.started()).containsExactly("second");
            assertThat(result.unchanged()).containsExactly("first");
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.ps().get(1).state() == ProcessState.RUNNING);
            long second = engine.ps().get(1).pid();
            // Running comes at the spawn; the shell that runs the command execs the binary a moment later
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    Sha256.ofFile(Path.of("/proc/" + second + "/exe"))).isEqualTo(Sha256.ofFile(dir.resolve("sleep-b"))));
            assertThat(engine.manifest().current("b")).isPresent();
            assertThat(engine.ps().get(0).pid()).isEqualTo(first);
            engine.down();
            ProcessLeaks.assertNone(Set.of(first, second));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
