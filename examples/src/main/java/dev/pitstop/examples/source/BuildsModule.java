package dev.pitstop.examples.source;

import com.google.inject.AbstractModule;
import dev.pitstop.core.source.SourceBinder;

/** Installs the {@code builds:} source kind: give it to {@code Pitstop.injector(new BuildsModule())}. */
public final class BuildsModule extends AbstractModule {
    @Override
    protected void configure() {
        SourceBinder.sourceBinder(binder()).addBinding("builds").to(BuildsSource.class);
    }
}
