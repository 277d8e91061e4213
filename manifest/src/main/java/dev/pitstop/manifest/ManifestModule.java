package dev.pitstop.manifest;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.pitstop.core.PitstopModule;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StackInspector;
import java.time.Duration;

/**
 * Binds the store, the manifest files, the {@code bin/} links and the inspector. Needs a
 * {@link dev.pitstop.core.PitstopHome} bound elsewhere.
 */
public final class ManifestModule extends AbstractModule implements PitstopModule {
    /** How long a writer waits for another to release a manifest or the store. */
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

    @Override
    protected void configure() {
        bind(BinaryStore.class).to(ContentStore.class).in(Singleton.class);
        bind(ManifestStore.class).to(JsonManifestStore.class).in(Singleton.class);
        bind(BinLinks.class).to(SymlinkBinLinks.class).in(Singleton.class);
        bind(StackInspector.class).to(ProcInspector.class).in(Singleton.class);
        bind(ManifestJson.class).in(Singleton.class);
        bind(ManifestRegistry.class).in(Singleton.class);
    }

    /** One instance per injector, so threads of this JVM queue in it before they take the OS lock. */
    @Provides
    @Singleton
    FileLocks fileLocks() {
        return new FileLocks(LOCK_TIMEOUT);
    }
}
