package dev.pitstop.supervisor;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.pitstop.core.PitstopModule;
import dev.pitstop.core.process.LaunchCheck;
import dev.pitstop.core.process.Supervisor;
import java.util.Objects;

/**
 * Binds {@link Supervisor} (a new, unscoped instance per injection: an engine owns one per stack run) and
 * {@link SupervisorConfig}.
 */
public final class SupervisorModule extends AbstractModule implements PitstopModule {
    private final SupervisorConfig config;

    public SupervisorModule() {
        this(SupervisorConfig.DEFAULTS);
    }

    public SupervisorModule(SupervisorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(SupervisorConfig.class).toInstance(config);
        bind(Supervisor.class).to(ProcessSupervisor.class);
        // the engine's store check (CoreModule) replaces this default; a bare supervisor checks nothing
        OptionalBinder.newOptionalBinder(binder(), LaunchCheck.class).setDefault().toInstance(LaunchCheck.NONE);
    }
}
