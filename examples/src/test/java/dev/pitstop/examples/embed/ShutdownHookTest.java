package dev.pitstop.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, A3: a program that embeds the engine and is stopped by SIGTERM leaves no process behind. */
class ShutdownHookTest {
    @TempDir
    Path dir;

    @Test
    void sigtermOfTheEmbeddingJvmStopsTheSupervisedProcesses() throws Exception {
        long supervised = runAndTerminate("hook");
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(supervised));
    }

    @Test
    void withoutTheHookTheProcessOutlivesTheJvm() throws Exception {
        // the control case: what the hook prevents does happen without it
        long supervised = runAndTerminate("no-hook");
        try {
            assertThat(alive(supervised)).isTrue();
        } finally {
            ProcessHandle.of(supervised).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(10)).until(() -> !alive(supervised));
        }
    }

    /** Starts {@link EmbeddedStackMain}, reads the PID of its process, sends SIGTERM and waits for the JVM to end. */
    private long runAndTerminate(String hook) throws IOException, InterruptedException {
        Path stack = Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  sleeper:
                    command: "exec sleep 300"
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EmbeddedStackMain.class.getName(), stack.toString(), dir.resolve("home").toString(), hook)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        long supervised = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("stderr: %s", Files.readString(dir.resolve("stderr.txt"))).startsWith("pid ");
            supervised = Long.parseLong(line.substring(4));
            assertThat(alive(supervised)).isTrue();
            jvm.destroy(); // SIGTERM
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            if (jvm.isAlive()) {
                jvm.destroyForcibly();
            }
        }
        return supervised;
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive() && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }
}
