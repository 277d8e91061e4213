package dev.pitstop.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Ctrl-C's SIGINT also triggers) brings a foreground stack down through the shutdown hook. */
class ForegroundSignalTest {
    @TempDir Path dir;
    Process up;

    @AfterEach
    void reap() throws InterruptedException {
        if (up != null && up.isAlive()) {
            up.destroyForcibly();
            up.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigtermStopsTheStackAndRemovesTheSocket() throws Exception {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        Path output = dir.resolve("up.out");
        up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeEngineUpMain.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Path socket = dir.resolve(".pitstop/pitstop.sock");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(socket) || !up.isAlive());
        assertThat(up.isAlive()).as(Files.readString(output)).isTrue();

        StringWriter out = new StringWriter();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(out, true), "ps")).isZero();
        assertThat(out.toString()).startsWith("NAME");

        up.destroy(); // SIGTERM
        assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(socket).doesNotExist();
        assertThat(dir.resolve(".pitstop/pitstop.pid")).doesNotExist();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(out, true), "ps")).isEqualTo(3);
    }
}
