package dev.pitstop.fetchers.github;

import com.google.inject.AbstractModule;
import dev.pitstop.core.source.SourceBinder;

/** Binds the {@code github} source kind. Installed by {@code FetchersModule}. */
public final class GitHubModule extends AbstractModule {
    @Override
    protected void configure() {
        SourceBinder.defaultSources(binder()).addBinding("github").to(GitHubSource.class);
    }
}
