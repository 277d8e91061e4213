package dev.pitstop.fetchers.url;

import com.google.inject.AbstractModule;
import dev.pitstop.core.source.SourceBinder;

/** Binds the {@code url} and {@code mirror} source kinds. Installed by {@code FetchersModule}. */
public final class UrlModule extends AbstractModule {
    @Override
    protected void configure() {
        SourceBinder.defaultSources(binder()).addBinding("url").to(UrlSource.class);
        SourceBinder.defaultSources(binder()).addBinding("mirror").to(MirrorSource.class);
    }
}
