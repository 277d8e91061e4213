package dev.pitstop.examples.embed;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;
import dev.pitstop.core.PitstopModule;

/** A Pitstop module of a test artifact, listed in {@code META-INF/services/dev.pitstop.core.PitstopModule}. */
public final class ExtraPitstopModule extends AbstractModule implements PitstopModule {
    static final String MARK = "installed through ServiceLoader";

    @Override
    protected void configure() {
        bindConstant().annotatedWith(Names.named("extra-pitstop-module")).to(MARK);
    }
}
