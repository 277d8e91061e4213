package dev.pitstop.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.process.Supervisor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleDiscoveryTest {
    @TempDir
    Path home;

    @Test
    void installsPitstopModulesAndLeavesOtherGuiceModulesAlone() {
        // ForeignModule is a com.google.inject.Module service on this class path; installing it fails the injector
        Injector injector = Pitstop.builder().home(home).injector();

        assertThat(injector.getInstance(Key.get(String.class, Names.named("extra-pitstop-module"))))
                .isEqualTo(ExtraPitstopModule.MARK);
        assertThat(injector.getInstance(EngineFactory.class)).isNotNull();
        assertThat(injector.getInstance(Supervisor.class)).isNotNull();
        assertThat(injector.getInstance(PitstopHome.class)).isEqualTo(new PitstopHome(home));
    }

    @Test
    void overridesReplacePitstopsBindings() {
        PitstopHome other = new PitstopHome(home.resolve("other"));
        Injector injector = Pitstop.builder().home(home)
                .override(binder -> binder.bind(PitstopHome.class).toInstance(other)).injector();
        assertThat(injector.getInstance(PitstopHome.class)).isEqualTo(other);
    }
}
