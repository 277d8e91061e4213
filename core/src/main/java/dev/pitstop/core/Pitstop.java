package dev.pitstop.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The two-line start for programs that do not use Guice themselves:
 * <pre>{@code
 * try (Engine engine = Pitstop.open(Path.of("pitstop.yaml"))) { engine.up(); … }
 * }</pre>
 * Every Pitstop module on the class path contributes its Guice module through {@link ServiceLoader}
 * ({@code META-INF/services/com.google.inject.Module}), so adding the {@code pitstop-fetchers} dependency is
 * all it takes to get its sources. Guice users install the modules themselves instead.
 */
public final class Pitstop {
    private Pitstop() {}

    /**
     * An injector over {@link CoreModule} and every Pitstop module found on the class path.
     *
     * @param overrides bindings that replace Pitstop's own (for example another {@link PitstopHome}, a
     *                  {@code SupervisorConfig}) or add to them
     */
    public static Injector injector(Module... overrides) {
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule());
        ServiceLoader.load(Module.class, Pitstop.class.getClassLoader()).forEach(modules::add);
        return Guice.createInjector(Modules.override(modules).with(overrides));
    }

    /** Reads the stack file and returns an engine for it, not yet started. */
    public static Engine open(Path stackFile) {
        return injector().getInstance(EngineFactory.class).open(stackFile);
    }
}
