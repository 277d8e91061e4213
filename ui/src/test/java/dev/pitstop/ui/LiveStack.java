package dev.pitstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.control.ControlServer;
import dev.pitstop.control.RemoteControl;
import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * A real stack for the dashboard's tests: the engine with its control socket, and the dashboard on a free port
 * over {@link RemoteControl}, as {@code pitstop ui} serves it. {@code s} runs a copy of {@code /bin/sleep} as the
 * managed binary {@code sleeper}; {@code talker} prints each line appended to {@code input.log}.
 */
final class LiveStack implements AutoCloseable {
    final Path dir;
    final Engine engine;
    final ControlServer control;
    final RemoteControl api;
    final Dashboard dashboard;
    final URI url;

    LiveStack(Path dir) throws IOException {
        this.dir = dir;
        Files.copy(Path.of("/bin/sleep"), dir.resolve("sleep1"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(dir.resolve("input.log"), "first line\n");
        Path report = Files.createDirectories(dir.resolve(".pitstop/drill/drill-20261129T120000Z"));
        Files.writeString(report.resolve("report.md"), "# Drill\n\nreload s: 0 lost\n");
        try (var yaml = LiveStack.class.getResourceAsStream("/live-stack/pitstop.yaml")) {
            Files.copy(yaml, dir.resolve("pitstop.yaml"));
        }
        engine = Pitstop.builder().home(dir.resolve("home")).shutdownHook(false).open(dir.resolve("pitstop.yaml"));
        control = new ControlServer(engine, dir.resolve(".pitstop"));
        control.start();
        engine.up();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.ps().stream()
                .allMatch(p -> p.state() == ProcessState.RUNNING && p.pid() > 0));
        api = new RemoteControl(dir.resolve(".pitstop"));
        dashboard = Dashboard.builder(api).reportDir(dir.resolve(".pitstop/drill")).build();
        url = dashboard.start();
    }

    ProcessStatus status(String name) {
        return engine.ps().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The dashboard's address without the token. */
    String base() {
        return url.toString().substring(0, url.toString().indexOf("/?token="));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            dashboard.close();
            engine.down();
            assertThat(engine.awaitDown(Duration.ofSeconds(30))).isTrue();
        } finally {
            control.close();
            engine.close();
        }
    }
}
