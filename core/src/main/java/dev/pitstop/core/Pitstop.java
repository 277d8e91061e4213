package dev.pitstop.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.pitstop.core.engine.LockPolicy;
import dev.pitstop.core.engine.ShutdownHook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The two-line start for programs that do not use Guice themselves:
 * <pre>{@code
 * try (Engine engine = Pitstop.open(Path.of("pitstop.yaml"))) { engine.up(); … }
 * }</pre>
 * or, with options:
 * <pre>{@code
 * Engine engine = Pitstop.builder().home(Path.of("target/pitstop-home")).override(myModule).open(stackFile);
 * }</pre>
 * Every Pitstop artifact on the class path contributes its Guice module through {@link ServiceLoader}
 * ({@code META-INF/services/dev.pitstop.core.PitstopModule}), so adding the {@code pitstop-fetchers} dependency
 * is all it takes to get its sources; Guice modules of other libraries are left alone. Guice users install the
 * modules themselves instead.
 */
public final class Pitstop {
    private Pitstop() {}

    /** Reads the stack file and returns an engine for it, not yet started, with every default. */
    public static Engine open(Path stackFile) {
        return builder().open(stackFile);
    }

    /**
     * An injector over {@link CoreModule} and every {@link PitstopModule} found on the class path.
     *
     * @param overrides bindings that replace Pitstop's own (for example another {@link PitstopHome}, a
     *                  {@code SupervisorConfig}) or add to them
     */
    public static Injector injector(Module... overrides) {
        return builder().override(overrides).injector();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of {@link Pitstop#open}; each method returns this builder. */
    public static final class Builder {
        private final List<Module> overrides = new ArrayList<>();
        private Path home;
        private Boolean shutdownHook;
        private Boolean locked;

        private Builder() {}

        /** Pitstop's per-user folder (store, caches) instead of {@link PitstopHome#fromEnvironment}. */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /** Bindings that replace Pitstop's own or add to them (another source kind, a supervisor config). */
        public Builder override(Module... modules) {
            overrides.addAll(List.of(modules));
            return this;
        }

        /**
         * Whether a running engine stops its stack when the JVM exits (Ctrl-C, SIGTERM); default {@code true}.
         * Turn it off when the program stops the engine from a shutdown hook of its own.
         */
        public Builder shutdownHook(boolean enabled) {
            this.shutdownHook = enabled;
            return this;
        }

        /**
         * Whether a binary that the lock does not pin for this machine's platform is an error for {@code fetch} and
         * {@code up} (the CLI's {@code --locked}, for CI) instead of being resolved afresh; default {@code false}.
         */
        public Builder locked(boolean required) {
            this.locked = required;
            return this;
        }

        public Injector injector() {
            List<Module> modules = new ArrayList<>();
            modules.add(new CoreModule());
            ServiceLoader.load(PitstopModule.class, Pitstop.class.getClassLoader()).forEach(modules::add);
            List<Module> settings = new ArrayList<>();
            if (home != null) {
                PitstopHome pitstopHome = new PitstopHome(home);
                settings.add(binder -> binder.bind(PitstopHome.class).toInstance(pitstopHome));
            }
            if (shutdownHook != null) {
                ShutdownHook hook = new ShutdownHook(shutdownHook);
                settings.add(binder -> binder.bind(ShutdownHook.class).toInstance(hook));
            }
            if (locked != null) {
                LockPolicy policy = new LockPolicy(locked);
                settings.add(binder -> binder.bind(LockPolicy.class).toInstance(policy));
            }
            // the caller's overrides win over the builder's settings, which win over the modules' defaults
            return Guice.createInjector(Modules.override(Modules.override(modules).with(settings)).with(overrides));
        }

        /** Reads the stack file and returns an engine for it, not yet started. */
        public Engine open(Path stackFile) {
            return injector().getInstance(EngineFactory.class).open(stackFile);
        }
    }
}
