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

    /**
     * A stack of one process {@code svc} that runs the {@code file:} binary {@code svc} from
     * {@code ./incoming/svc}, a script that execs {@code sleep 1001}.
     *
     * @param binarySettings more keys of the binary, as YAML flow-map entries (", version: v2"), or ""
     */
    static ScriptStack scriptBinary(Path tempDir, String binarySettings) throws IOException {
        ScriptStack stack = new ScriptStack(tempDir, """
                binaries:
                  svc: { file: ./incoming/svc%s }
                processes:
                  svc:
                    command: "${bin:svc}"
                    reload_timeout_seconds: 5
                """.formatted(binarySettings));
        stack.deploy("incoming/svc", "exec sleep 1001");
        return stack;
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

    /** The stack's injector, for the store and manifest services a test inspects directly. */
    <T> T service(Class<T> type) {
        return injector.getInstance(type);
    }

    /** Replaces {@code path} (relative to the stack folder) with a script, the way a deploy does: a rename. */
    Path deploy(String path, String body) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Path next = script("." + target.getFileName() + ".next", body);
        Files.move(next, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** The command line a process runs now (a script that execs {@code sleep N} shows as {@code sleep N}). */
    static String commandLine(long pid) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), UTF_8).replace('\0', ' ').trim();
    }

    /** Until {@code name} runs with this command line (a script has exec'd what it runs). */
    void awaitCommandLine(String name, String expected) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(commandLine(awaitRunning(name)))
                        .isEqualTo(expected));
    }

    /** Downs and closes the engine (the stack stays on disk), for a test that starts it again. */
    void downAndClose() {
        engine.ps().forEach(p -> track(p.pid()));
        engine.down();
        engine.close();
        engine = null;
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
