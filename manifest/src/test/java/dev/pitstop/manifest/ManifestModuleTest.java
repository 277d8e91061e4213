package dev.pitstop.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StackInspector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestModuleTest {
    @TempDir Path tmp;

    @Test
    void bindsEveryServiceOnceAndDoesNoIoWhenCreated() {
        Injector injector = Fixtures.injector(tmp.resolve("home"));
        for (Class<?> type : new Class<?>[] {BinaryStore.class, ManifestStore.class, BinLinks.class, StackInspector.class}) {
            assertThat(injector.getInstance(type)).isSameAs(injector.getInstance(type));
        }
        assertThat(tmp.resolve("home")).doesNotExist();
    }
}
