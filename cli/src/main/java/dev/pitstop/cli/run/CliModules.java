package dev.pitstop.cli.run;

import com.google.inject.Module;
import dev.pitstop.core.CoreModule;
import java.util.List;

/** The one place that lists the Guice modules {@code pitstop up} builds its engine from. */
public final class CliModules {
    private CliModules() {}

    public static List<Module> all() {
        return List.of(new CoreModule());
    }
}
