package dev.pitstop.fetchers.file;

import com.google.inject.AbstractModule;
import dev.pitstop.core.source.SourceBinder;

/** Binds the {@code file} source kind. Installed by {@code FetchersModule}. */
public final class FileModule extends AbstractModule {
    @Override
    protected void configure() {
        SourceBinder.defaultSources(binder()).addBinding("file").to(FileSource.class);
    }
}
