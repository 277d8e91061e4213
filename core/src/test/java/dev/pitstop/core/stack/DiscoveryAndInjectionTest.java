package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Binder;
import dev.pitstop.core.source.SourceBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryAndInjectionTest {
    @TempDir
    Path dir;

    private final StackReader reader = new StackReader(HostEnvironment.of(Map.of()), TestSources.kinds());

    @Test
    void discoverPrefersPitstopYamlThenProcessComposeNames() throws IOException {
        // Process Compose's own order: compose.yml, compose.yaml, process-compose.yml, process-compose.yaml
        for (String name : List.of("process-compose.yaml", "process-compose.yml", "compose.yaml", "compose.yml")) {
            Files.writeString(dir.resolve(name), "processes: {}\n");
            assertThat(reader.discover(dir)).isEqualTo(dir.resolve(name).toAbsolutePath());
        }

        Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        assertThat(reader.discover(dir)).isEqualTo(dir.resolve("pitstop.yaml").toAbsolutePath());
    }

    @Test
    void discoverListsTheNamesItTried() {
        assertThatThrownBy(() -> reader.discover(dir))
                .isInstanceOf(StackFileException.class)
                .hasMessage(dir.toAbsolutePath() + ": no stack file found; tried pitstop.yaml, compose.yml, "
                        + "compose.yaml, process-compose.yml, process-compose.yaml");
    }

    @Test
    void missingFileNamesTheFile() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> reader.read(missing)).hasMessage(missing.toAbsolutePath() + ": no such file");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), "# nothing yet\n");
        assertThatThrownBy(() -> reader.read(file)).hasMessage(file.toAbsolutePath()
                + ":1:1: the file is empty; expected a map with a 'processes:' section");
    }

    @Test
    void badDotEnvNamesItsOwnFileAndLine() throws IOException {
        Files.writeString(dir.resolve(".env"), "A=1\nnot a pair\n");
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessage(dir.resolve(".env").toAbsolutePath() + ":2:1: expected KEY=VALUE, found 'not a pair'");
    }

    @Test
    void guiceInjectsTheHostEnvironmentOfTheJvmByDefault() throws IOException {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  a:
                    command: "echo ${PATH}"
                """);
        Stack stack = Guice.createInjector(DiscoveryAndInjectionTest::sources).getInstance(StackReader.class).read(file);
        assertThat(stack.processes().get("a").command()).isEqualTo("echo " + System.getenv("PATH"));
    }

    @Test
    void anEmbedderBindsItsOwnHostEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  a:
                    command: "echo ${GREETING}"
                """);
        StackReader injected = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(HostEnvironment.class).toInstance(HostEnvironment.of(Map.of("GREETING", "hello")));
                sources(binder());
            }
        }).getInstance(StackReader.class);
        assertThat(injected.read(file).processes().get("a").command()).isEqualTo("echo hello");
    }

    /** No source kinds: what the reader needs of the injector besides the host environment. */
    private static void sources(Binder binder) {
        SourceBinder.sourceBinder(binder);
        SourceBinder.defaultSources(binder);
    }
}
