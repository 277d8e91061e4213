package dev.pitstop.cli.run;

import dev.pitstop.cli.Background;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.inject.Module;
import dev.pitstop.testkit.FakeEngine;
import dev.pitstop.cli.Main;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.stack.StackFileException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForegroundStackTest {
    @TempDir Path dir;

    @Test
    void runsUntilDownThroughTheSocketThenCleansUp() throws Exception {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        FakeEngine engine = new FakeEngine(dir);
        Module withFakeEngine = binder -> binder.bind(EngineFactory.class).toInstance(stackFile -> engine);
        StringWriter upOut = new StringWriter();
        CompletableFuture<Integer> up = Background.run(
                () -> new ForegroundStack(file, List.of(withFakeEngine)).run(new PrintWriter(upOut, true)));
        Path socket = dir.resolve(".pitstop/pitstop.sock");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(socket) && engine.calls.contains("up"));

        StringWriter out = new StringWriter();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(out, true), "ps")).isZero();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(out, true), "down")).isZero();

        assertThat(up.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(upOut.toString()).startsWith("stack up: 3 processes, control socket " + socket);
        assertThat(engine.calls).containsSubsequence("up", "down", "close");
        assertThat(socket).doesNotExist();
        assertThat(dir.resolve(".pitstop/pitstop.pid")).doesNotExist();
    }

    @Test
    void upPrintsEachReaderWarningAndMergesEveryFileGiven() throws Exception {
        Path base = Files.writeString(dir.resolve("process-compose.yaml"),
                "processes:\n  web:\n    command: sleep 100\n    is_tty: true\n");
        Path override = Files.writeString(dir.resolve("prod.yaml"), "processes:\n  worker:\n    command: sleep 100\n");
        StringWriter upOut = new StringWriter();
        CompletableFuture<Integer> up = Background.run(
                () -> new ForegroundStack(List.of(base, override), dir.resolve("home")).run(new PrintWriter(upOut, true)));
        Path socket = dir.resolve(".pitstop/pitstop.sock");
        await().atMost(Duration.ofSeconds(30)).until(() -> upOut.toString().contains("stack up"));

        StringWriter out = new StringWriter();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(out, true), "down")).isZero();
        assertThat(up.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(upOut.toString()).startsWith("warning: " + base + ":4:5: processes.web.is_tty: not supported by "
                + "Pitstop, ignored\nstack up: 2 processes, control socket " + socket);
    }

    @Test
    void upEndsWithTheExitCodeOfAnExitOnEndProcessOrWhenEveryProcessEnded() throws Exception {
        Path ci = Files.writeString(dir.resolve("ci.yaml"), "processes:\n  server:\n    command: sleep 100\n"
                + "  tests:\n    command: exit 3\n    depends_on: { server: {} }\n    availability: { exit_on_end: true }\n");
        assertThat(new ForegroundStack(List.of(ci), dir.resolve("home")).run(new PrintWriter(new StringWriter())))
                .isEqualTo(3);

        Path once = Files.writeString(dir.resolve("once.yaml"), "processes:\n  a:\n    command: echo a\n"
                + "  b:\n    command: exit 1\n");
        assertThat(new ForegroundStack(List.of(once), dir.resolve("home")).run(new PrintWriter(new StringWriter())))
                .as("every process ended: Process Compose's project completes with 0").isZero();
    }

    @Test
    void aBrokenStackFileStopsUpBeforeAnythingStarts() throws Exception {
        Path file = dir.resolve("pitstop.yaml");
        Files.writeString(file, "processes:\n  web:\n    comand: sleep 1\n");
        assertThatThrownBy(() -> new ForegroundStack(file).run(new PrintWriter(new StringWriter())))
                .isInstanceOf(StackFileException.class)
                .hasMessage(file + ":2:3: processes.web: a process needs a command or an entrypoint");
        assertThat(dir.resolve(".pitstop/pitstop.sock")).doesNotExist();
    }
}
