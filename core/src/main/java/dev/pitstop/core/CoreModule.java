package dev.pitstop.core;

import com.google.inject.AbstractModule;

/** Binds the core services: the stack-file reader and the engine. */
public final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        // filled as the core services land; kept so that every embedder installs the same module list
    }
}
