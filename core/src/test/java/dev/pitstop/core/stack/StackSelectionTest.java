package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -n NAMESPACE} and {@code up NAME...} choose as Process Compose's admission and selection choose. */
class StackSelectionTest {
    private static final String STACK = """
            processes:
              db:
                command: ./db
                namespace: data
              cache:
                command: ./cache
                namespace: data
                disabled: true
              api:
                command: ./api
                namespace: web
                depends_on: { db: { condition: process_started }, cache: { condition: process_started } }
              worker:
                command: ./worker
                replicas: 2
                namespace: [web, jobs]
                depends_on: { api: { condition: process_started } }
              tool:
                command: ./tool
            """;

    @TempDir Path dir;

    private Stack stack() throws IOException {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), STACK);
        return new StackReader(HostEnvironment.of(Map.of()), TestSources.kinds()).read(file);
    }

    private static List<String> enabled(Stack s) {
        return s.processes().values().stream().filter(p -> !p.disabled()).map(ProcessSpec::name).toList();
    }

    @Test
    void allChangesNothing() throws IOException {
        Stack s = stack();
        assertThat(StackSelection.ALL.apply(s)).isSameAs(s);
    }

    @Test
    void namespacesLeaveTheOthersOutAndDropDependenciesOnThem() throws IOException {
        Stack s = new StackSelection(List.of("web"), List.of(), false).apply(stack());
        assertThat(s.processes().keySet()).containsExactly("api", "worker-0", "worker-1");
        assertThat(s.processes().get("api").dependsOn()).isEmpty();
        assertThat(s.processes().get("worker-0").dependsOn()).containsOnlyKeys("api");
    }

    @Test
    void namedProcessesRunWithWhatTheyDependOnTheRestIsDisabled() throws IOException {
        Stack s = new StackSelection(List.of(), List.of("api"), false).apply(stack());
        assertThat(s.processes()).hasSize(6);
        // cache is disabled in the file, but api needs it: Process Compose enables it
        assertThat(enabled(s)).containsExactly("db", "cache", "api");
        assertThat(enabled(new StackSelection(List.of(), List.of("worker"), false).apply(stack())))
                .containsExactly("db", "cache", "api", "worker-0", "worker-1");
    }

    @Test
    void noDepsStartsOnlyTheNamedWithoutTheirDependencies() throws IOException {
        Stack s = new StackSelection(List.of(), List.of("api"), true).apply(stack());
        assertThat(enabled(s)).containsExactly("api");
        assertThat(s.processes().get("api").dependsOn()).isEmpty();
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> new StackSelection(List.of("data"), List.of("api"), false).apply(stack()))
                .isInstanceOf(PitstopException.class).hasMessage("no process api in the stack (in namespaces data)");
    }
}
