package dev.pitstop.examples.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Injector;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.engine.WatchSettings;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A temp folder with a stack of the real {@code nats-server}, stored from {@code ./incoming/nats-server} (a
 * {@code file} binary), plus a bystander process that must never be touched by a swap; and the broken and
 * working binaries the tests put in its place.
 */
final class NatsStack implements AutoCloseable {
    static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");
    /** The watcher's quiet period in these tests. */
    static final Duration QUIET = Duration.ofMillis(300);

    final Path dir;
    final Path incoming;
    final int clientPort;
    final int monitorPort;
    private final boolean watch;
    private final Injector injector;
    private final List<Long> groups = new ArrayList<>();
    private Engine engine;

    NatsStack(Path tempDir, boolean watch) throws IOException {
        this(tempDir, watch, false);
    }

    /** @param secondNats add a process {@code nats2} that runs the same binary on other ports */
    NatsStack(Path tempDir, boolean watch, boolean secondNats) throws IOException {
        this.dir = tempDir.resolve("stack");
        this.incoming = dir.resolve("incoming").resolve("nats-server");
        this.watch = watch;
        Files.createDirectories(incoming.getParent());
        Files.copy(NATS_SERVER, incoming);
        this.clientPort = freePort();
        this.monitorPort = freePort();
        this.injector = Pitstop.injector(binder -> {
            binder.bind(PitstopHome.class).toInstance(new PitstopHome(tempDir.resolve("home")));
            binder.bind(WatchSettings.class).toInstance(new WatchSettings(QUIET));
        });
        String yaml = stackYaml();
        if (secondNats) {
            int client = freePort();
            int monitor = freePort();
            yaml += """
                      nats2:
                        command: "${bin:nats} -a 127.0.0.1 -p %d -m %d"
                        readiness_probe:
                          http_get: { host: 127.0.0.1, port: %d, path: /healthz }
                          period_seconds: 0.2
                        reload_timeout_seconds: 5
                    """.formatted(client, monitor, monitor);
        }
        Files.writeString(stackFile(), yaml);
    }

    Path stackFile() {
        return dir.resolve("pitstop.yaml");
    }

    Path lockFile() {
        return dir.resolve("pitstop.lock.json");
    }

    Path binLink() {
        return dir.resolve(".pitstop/bin/nats");
    }

    Path eventsFile() {
        return dir.resolve(".pitstop/events.jsonl");
    }

    private String stackYaml() {
        return """
                binaries:
                  nats:
                    file: ./incoming/nats-server
                    watch: %s
                processes:
                  nats:
                    command: "${bin:nats} -a 127.0.0.1 -p %d -m %d"
                    readiness_probe:
                      http_get: { host: 127.0.0.1, port: %d, path: /healthz }
                      period_seconds: 0.2
                      timeout_seconds: 1
                      failure_threshold: 1
                    reload_timeout_seconds: 5
                    shutdown: { timeout_seconds: 3 }
                  bystander:
                    command: "exec sleep 1000"
                    shutdown: { timeout_seconds: 3 }
                """.formatted(watch, clientPort, monitorPort, monitorPort);
    }

    /** Opens further engines on the same stack file, as a second CLI would; each must be closed by the caller. */
    record Opener(NatsStack stack) {
        Engine open() {
            return stack.injector.getInstance(EngineFactory.class).open(stack.stackFile());
        }
    }

    Engine open() {
        engine = injector.getInstance(EngineFactory.class).open(stackFile());
        return engine;
    }

    /** Opens and starts the stack and waits until it is ready. */
    Engine up() {
        open().up();
        try {
            engine.awaitReady(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the stack started", e);
        }
        groups.add(pid("nats"));
        groups.add(pid("bystander"));
        return engine;
    }

    Engine engine() {
        return engine;
    }

    ProcessStatus status(String name) {
        return engine.ps().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + name + " in " + engine.ps()));
    }

    long pid(String name) {
        return status(name).pid();
    }

    void awaitNatsReady() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> status("nats").health() == Health.READY && status("nats").pid() > 0
                        && status("bystander").pid() > 0);
    }

    /** Remembers a process group the leak check must look at. */
    void track(long pid) {
        if (pid > 0) {
            groups.add(pid);
        }
    }

    /** The SHA-256 of the executable a process runs now. */
    static Sha256 exeOf(long pid) {
        try {
            return Sha256.ofFile(Path.of("/proc/" + pid + "/exe"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sha256 sha(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String events() throws IOException {
        return Files.exists(eventsFile()) ? Files.readString(eventsFile()) : "";
    }

    /** Waits until {@code .pitstop/events.jsonl} (written asynchronously) has an event of each type. */
    void awaitEvents(String... types) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String journal = events();
            for (String type : types) {
                assertThat(journal).contains("\"type\":\"" + type + "\"");
            }
        });
    }

    // ---- binaries to swap in ------------------------------------------------------------------------------

    /** nats-server with bytes appended: runs the same, hashes differently. */
    Path natsVariant(String tag) throws IOException {
        Path file = dir.resolve("nats-" + tag);
        Files.copy(NATS_SERVER, file, StandardCopyOption.REPLACE_EXISTING);
        Files.write(file, ("\npitstop-test-" + tag + "\n").getBytes(UTF_8), java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    /** The first 4 KiB of nats-server: an ELF header whose segments are missing. */
    Path truncated() throws IOException {
        byte[] all = Files.readAllBytes(NATS_SERVER);
        return write("nats-truncated", Arrays.copyOf(all, 4096), true);
    }

    Path textFile() throws IOException {
        return write("nats-text", "this is not a program\n".getBytes(UTF_8), false);
    }

    Path randomBytes() throws IOException {
        byte[] bytes = new byte[8192];
        new java.util.Random(42).nextBytes(bytes);
        bytes[0] = 0x13; // never a valid magic number by chance
        return write("nats-random", bytes, true);
    }

    /** nats-server with ELF e_machine set to aarch64 (183). */
    Path otherArch() throws IOException {
        byte[] all = Files.readAllBytes(NATS_SERVER);
        all[18] = (byte) 183;
        all[19] = 0;
        return write("nats-aarch64", all, true);
    }

    Path exitsAtOnce() throws IOException {
        return write("nats-exit1", "#!/bin/sh\necho 'fatal: this build is broken' >&2\nexit 1\n".getBytes(UTF_8), true);
    }

    Path neverReady() throws IOException {
        return write("nats-sleeps", "#!/bin/sh\necho 'starting, but never listening'\nexec sleep 1000\n".getBytes(UTF_8), true);
    }

    private Path write(String name, byte[] bytes, boolean executable) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }

    /** Replaces the watched/configured file the way a deploy does: a temp file renamed over it. */
    void replaceIncoming(Path with) throws IOException {
        Path tmp = incoming.resolveSibling(".nats-server.tmp");
        Files.copy(with, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(tmp, incoming, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Downs the stack and fails if any process (or grandchild) is left. */
    @Override
    public void close() {
        Teardown.downAndCheck(engine, groups);
    }
}
