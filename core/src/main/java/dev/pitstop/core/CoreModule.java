package dev.pitstop.core;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.pitstop.core.engine.StoreIntegrity;
import dev.pitstop.core.process.LaunchCheck;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.pitstop.core.source.FetchProgress;
import dev.pitstop.core.source.SourceBinder;
import dev.pitstop.core.engine.DefaultEngineFactory;
import dev.pitstop.core.trust.PlatformDetector;
import java.nio.file.Path;

/** Binds the engine and the per-user Pitstop home; the supervisor and the sources come from their modules. */
public final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EngineFactory.class).to(DefaultEngineFactory.class);
        // declared here so that an engine without the fetchers module has an empty set of sources
        SourceBinder.sourceBinder(binder());
        SourceBinder.defaultSources(binder());
        bind(FetchProgress.class).toInstance(FetchProgress.NONE);
        // nothing the manifest does not name may start: checked by the supervisor before every exec
        OptionalBinder.newOptionalBinder(binder(), LaunchCheck.class).setBinding().to(StoreIntegrity.class);
    }

    @Provides
    @Singleton
    Platform hostPlatform(PlatformDetector detector) {
        return detector.detect();
    }

    @Provides
    @Singleton
    PitstopHome pitstopHome() {
        return PitstopHome.fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
