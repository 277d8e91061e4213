package dev.pitstop.core.engine;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.SourceCoordinates;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.trust.PlatformTrust;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's SPIs as fakes (manifest, links) and mocks (supervisor, store, trust), and three stored versions of
 * the binary {@code nats}, for unit tests of the engine that run in milliseconds.
 */
abstract class EngineFakes {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    static final Platform LINUX = Platform.parse("linux/amd64");

    @TempDir Path dir;
    final Supervisor supervisor = mock(Supervisor.class);
    final BinaryStore store = mock(BinaryStore.class);
    final FakeManifests manifests = new FakeManifests();
    final FakeLinks links = new FakeLinks();
    final BinaryVersion v1 = version("v1", '1');
    final BinaryVersion v2 = version("v2", '2');
    final BinaryVersion v3 = version("v3", '3');

    /** An installer over the fakes, with every version of {@code nats} in the store. */
    BinaryInstaller installer() {
        for (BinaryVersion v : List.of(v1, v2, v3)) {
            when(store.find(v.sha256(), "nats")).thenReturn(Optional.of(stored(v)));
        }
        return new BinaryInstaller(store, manifests, links, mock(PlatformTrust.class), dir.resolve("staging"), LINUX,
                Clock.fixed(T0, ZoneOffset.UTC), new FileDigests());
    }

    static ReloadResult reloaded(String name) {
        return new ReloadResult(name, 100, 200, null, Duration.ofMillis(5));
    }

    static BinaryVersion version(String label, char digit) {
        return new BinaryVersion(SourceCoordinates.of("file", "./nats"), label, null,
                new Sha256(String.valueOf(digit).repeat(64)), 10, LINUX, T0, List.of(), List.of(), null);
    }

    static StoredBinary stored(BinaryVersion v) {
        return new StoredBinary(v.sha256(), "nats", v.size(), Path.of("/store", v.sha256().hex(), "nats"));
    }
}
