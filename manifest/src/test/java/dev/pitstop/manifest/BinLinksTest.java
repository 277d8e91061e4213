package dev.pitstop.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.StoredBinary;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinLinksTest {
    @TempDir Path tmp;

    @Test
    void switchesTheLinkFromOneStoredVersionToAnother() throws Exception {
        Injector injector = Fixtures.injector(tmp.resolve("home"));
        BinaryStore store = injector.getInstance(BinaryStore.class);
        BinLinks links = injector.getInstance(BinLinks.class);
        Path state = tmp.resolve("stack/.pitstop");
        StoredBinary v1 = store.put(new ByteArrayInputStream(new byte[] {1}), "nats");
        StoredBinary v2 = store.put(new ByteArrayInputStream(new byte[] {2}), "nats");
        assertThat(links.current(state, "nats")).isEmpty();

        Path link = links.switchTo(state, "nats", v1);
        assertThat(link).isEqualTo(state.resolve("bin/nats"));
        assertThat(links.current(state, "nats")).contains(v1.path());

        links.switchTo(state, "nats", v2);
        assertThat(links.current(state, "nats")).contains(v2.path());
        assertThat(Files.readAllBytes(link)).containsExactly(2);
        assertThat(state.resolve("bin")).isDirectoryNotContaining("glob:**.tmp");

        assertThatThrownBy(() -> links.switchTo(state, "../x", v1)).isInstanceOf(IllegalArgumentException.class);
    }
}
