package dev.pitstop.fetchers.git;

import com.google.inject.AbstractModule;
import dev.pitstop.core.source.SourceBinder;

/** Binds the {@code git} source kind. Installed by {@code FetchersModule}. */
public final class GitModule extends AbstractModule {
    @Override
    protected void configure() {
        SourceBinder.defaultSources(binder()).addBinding("git").to(GitSource.class);
    }
}
