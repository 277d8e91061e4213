package dev.pitstop.manifest;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.SourceCoordinates;
import dev.pitstop.core.trust.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Shared test helpers: an injector over a temp home, sample versions, child processes. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private Fixtures() {}

    static Injector injector(Path home) {
        return Guice.createInjector(new ManifestModule(),
                binder -> binder.bind(PitstopHome.class).toInstance(new PitstopHome(home)));
    }

    static Sha256 sha(char c) {
        return new Sha256(String.valueOf(c).repeat(64));
    }

    static BinaryVersion version(String version, Sha256 sha) {
        return new BinaryVersion(
                SourceCoordinates.of("github", "nats-io/nats-server", Map.of("asset", "nats-server-*-linux-amd64.tar.gz")),
                version, null, sha, 1234, Platform.parse("linux/amd64"), T0,
                List.of(new Evidence("github-digest", "sha256:" + sha.hex())), List.of("chmod 0555"), null);
    }

    /** A runnable copy of {@code /bin/sleep} whose bytes differ from the original by one appended byte. */
    static Path alteredSleep(Path dir) throws IOException {
        Path copy = dir.resolve("sleep-altered");
        Files.copy(Path.of("/bin/sleep"), copy);
        Files.write(copy, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Modes.set(copy, Modes.WRITABLE);
        return copy;
    }

    static Process start(Path executable) throws IOException {
        return new ProcessBuilder(executable.toString(), "300").redirectErrorStream(true).start();
    }

    static void stop(List<Process> processes) throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("process " + p.pid() + " did not exit");
            }
        }
    }
}
