package dev.pitstop.examples.embed;

import com.google.inject.AbstractModule;

/**
 * A Guice module of "another library", listed in {@code META-INF/services/com.google.inject.Module}: Pitstop must
 * not install it. Installing it would fail the injector.
 */
public final class ForeignModule extends AbstractModule {
    @Override
    protected void configure() {
        addError("ForeignModule was installed: Pitstop picked up a module that is not a PitstopModule");
    }
}
