package dev.pitstop.manifest;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.ManifestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A second writer for {@link ManifestConcurrencyTest}, run in its own JVM:
 * {@code <home> <lockFile> <name> <count>} installs versions 1..count of {@code name}, one update each.
 */
public final class ManifestWriterMain {
    private ManifestWriterMain() {}

    public static void main(String[] args) {
        ManifestStore manifests = Fixtures.injector(Path.of(args[0])).getInstance(ManifestStore.class);
        Path lockFile = Path.of(args[1]);
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        for (int i = 1; i <= count; i++) {
            String version = Integer.toString(i);
            Sha256 sha = Sha256.of(Sha256.newDigest().digest((name + i).getBytes(StandardCharsets.UTF_8)));
            manifests.update(lockFile, m -> m.install(name, Fixtures.version(version, sha), false, Instant.now()));
        }
    }
}
