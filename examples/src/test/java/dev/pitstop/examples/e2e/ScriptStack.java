package dev.pitstop.examples.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.google.inject.Injector;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A temp folder with a stack file the test writes, of small shell-script services; {@link #gate} writes the
 * file a {@code test -f} readiness probe waits for, so a test decides when a (re)started process is ready.
 */
final class ScriptStack implements AutoCloseable {
    final Path dir;
    final Path home;
    private final Injector injector;
    private final List<Long> groups = new ArrayList<>();
    private Engine engine;

    ScriptStack(Path tempDir, String yaml) throws IOException {
        this.dir = tempDir.resolve("stack");
        this.home = tempDir.resolve("home");
        Files.createDirectories(dir);
        this.injector = Pitstop.injector(binder -> binder.bind(PitstopHome.class).toInstance(new PitstopHome(home)));
        Files.writeString(dir.resolve("pitstop.yaml"), yaml.replace("$DIR", dir.toString()));
    }

    /** A readiness probe (YAML flow map) that holds until {@link #gate(String)} opens {@code name}. */
    static String gatedProbe(String name) {
        return "{ exec: { command: \"test -f gate-" + name + "\" }, period_seconds: 0.1 }";
    }

    void gate(String name) throws IOException {
        Files.writeString(dir.resolve("gate-" + name), "");
    }

    void closeGate(String name) throws IOException {
        Files.deleteIfExists(dir.resolve("gate-" + name));
    }

    /** An executable shell script in the stack's folder. */
    Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    Engine open() {
        engine = injector.getInstance(EngineFactory.class).open(dir.resolve("pitstop.yaml"));
        return engine;
    }

    Engine engine() {
        return engine;
    }

    /** Opens and starts the stack and waits until each of {@code ready} is ready. */
    Engine up(String... ready) {
        open().up();
        for (String name : ready) {
            awaitReady(name);
        }
        engine.ps().forEach(p -> track(p.pid()));
        return engine;
    }

    /** Until {@code name} runs (has a PID); for processes without a readiness check. */
    long awaitRunning(String name) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> status(name).pid() > 0);
        track(status(name).pid());
        return status(name).pid();
    }

    void awaitReady(String name) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> status(name).health() == Health.READY && status(name).pid() > 0);
        track(status(name).pid());
    }

    ProcessStatus status(String name) {
        return engine.ps().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + name + " in " + engine.ps()));
    }

    long pid(String name) {
        return status(name).pid();
    }

    /** Events of one type for one process, oldest first. */
    List<Event> events(EventType type, String process) {
        return engine.events(10_000).stream()
                .filter(e -> e.type() == type && process.equals(e.process())).toList();
    }

    void track(long pid) {
        if (pid > 0) {
            groups.add(pid);
        }
    }

    /** Downs the stack and fails if any process (or grandchild) is left. */
    @Override
    public void close() {
        Teardown.downAndCheck(engine, groups);
    }
}
