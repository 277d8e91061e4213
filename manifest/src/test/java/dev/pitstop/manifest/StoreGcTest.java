package dev.pitstop.manifest;

import static dev.pitstop.manifest.Fixtures.T0;
import static dev.pitstop.manifest.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.GcReport;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StoredBinary;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage collection as the CLI runs it: keep set from every known manifest, then the store. */
class StoreGcTest {
    @TempDir Path tmp;

    @Test
    void keepsCurrentAndTheLastThreeOfEveryKnownManifest() {
        Injector injector = Fixtures.injector(tmp.resolve("home"));
        BinaryStore store = injector.getInstance(BinaryStore.class);
        ManifestStore manifests = injector.getInstance(ManifestStore.class);
        Path stackA = tmp.resolve("a/pitstop.lock.json");
        Path stackB = tmp.resolve("b/pitstop.lock.json");

        List<StoredBinary> nats = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            StoredBinary b = store.put(new ByteArrayInputStream(new byte[] {(byte) i}), "nats");
            nats.add(b);
            String v = "v" + i;
            manifests.update(stackA, m -> m.install("nats", version(v, b.sha256()), false, T0));
        }
        StoredBinary redis = store.put(new ByteArrayInputStream(new byte[] {42}), "redis");
        manifests.update(stackB, m -> m.install("redis", version("7", redis.sha256()), false, T0));
        StoredBinary orphan = store.put(new ByteArrayInputStream(new byte[] {99}), "orphan");

        GcReport dry = store.gc(manifests.retained(3), true);
        assertThat(dry.removed()).containsExactlyInAnyOrder(nats.get(0), nats.get(1), orphan);
        assertThat(store.list()).hasSize(8);

        GcReport gc = store.gc(manifests.retained(3), false);
        assertThat(gc.removed()).isEqualTo(dry.removed());
        assertThat(store.list()).containsExactlyInAnyOrder(nats.get(2), nats.get(3), nats.get(4), nats.get(5), redis);
    }
}
