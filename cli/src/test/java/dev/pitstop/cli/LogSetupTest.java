package dev.pitstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CLI's logging is set up in code: warnings to stderr, DEBUG after {@code -v}, and no XML read for it. */
class LogSetupTest {
    @AfterEach
    void clear() {
        System.clearProperty(LogSetup.LEVEL_PROPERTY);
    }

    private static Logger configuredRoot() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void warningsGoToStandardError() {
        Logger root = configuredRoot();
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
    }

    @Test
    void verboseLogsFromDebugUp() {
        System.setProperty(LogSetup.LEVEL_PROPERTY, "DEBUG");
        assertThat(configuredRoot().getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void logbackFindsItAsItsOnlyConfigurator() {
        // and, as it answers DO_NOT_INVOKE_NEXT_IF_ANY, logback then looks for no XML configuration
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .containsExactly(LogSetup.class.getName());
    }
}
