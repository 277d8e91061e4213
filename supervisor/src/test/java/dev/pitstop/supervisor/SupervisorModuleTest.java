package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.pitstop.core.process.Supervisor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupervisorModuleTest {

    @Test
    void bindsANewSupervisorPerInjectionAndTheDefaults() {
        Injector injector = Guice.createInjector(new SupervisorModule());
        try (Supervisor a = injector.getInstance(Supervisor.class);
             Supervisor b = injector.getInstance(Supervisor.class)) {
            assertThat(a).isNotSameAs(b).isInstanceOf(ProcessSupervisor.class);
        }
        assertThat(injector.getInstance(SupervisorConfig.class)).isEqualTo(SupervisorConfig.DEFAULTS);
    }

    @Test
    void bindsTheGivenConfig() {
        SupervisorConfig config = SupervisorConfig.DEFAULTS.withLogBufferLines(10);
        assertThat(Guice.createInjector(new SupervisorModule(config)).getInstance(SupervisorConfig.class))
                .isSameAs(config);
    }

    @Test
    void defaultsAreThoseDocumented() {
        SupervisorConfig d = SupervisorConfig.DEFAULTS;
        assertThat(d.survivalWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.logBufferLines()).isEqualTo(1000);
        assertThat(d.maxLineLength()).isEqualTo(8192);
        assertThat(d.logRotateBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(d.logKeepFiles()).isEqualTo(3);
        assertThat(d.backoffCap()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.healthyResetWindow()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyWitherMapsToItsField() {
        SupervisorConfig c = SupervisorConfig.DEFAULTS.withSurvivalWindow(Duration.ofMillis(5))
                .withLogBufferLines(7).withMaxLineLength(100).withLogRotation(2048, 0)
                .withBackoff(Duration.ofSeconds(3), Duration.ofSeconds(4));
        assertThat(c).isEqualTo(new SupervisorConfig(Duration.ofMillis(5), 7, 100, 2048, 0, Duration.ofSeconds(3),
                Duration.ofSeconds(4)));
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        SupervisorConfig d = SupervisorConfig.DEFAULTS;
        assertThatThrownBy(() -> d.withSurvivalWindow(Duration.ZERO)).hasMessageContaining("survivalWindow");
        assertThatThrownBy(() -> d.withLogBufferLines(0)).hasMessageContaining("logBufferLines");
        assertThatThrownBy(() -> d.withMaxLineLength(1)).hasMessageContaining("maxLineLength");
        assertThatThrownBy(() -> d.withLogRotation(10, 1)).hasMessageContaining("logRotateBytes");
        assertThatThrownBy(() -> d.withLogRotation(4096, -1)).hasMessageContaining("logKeepFiles");
        assertThatThrownBy(() -> d.withBackoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("backoffCap");
        assertThatThrownBy(() -> d.withBackoff(Duration.ofSeconds(1), null)).hasMessageContaining("healthyResetWindow");
    }
}
