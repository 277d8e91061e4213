package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code drill:} section is read, expanded and kept on the {@link Stack}. */
class DrillSectionTest {
    @TempDir
    Path dir;

    private Stack read(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), yaml);
        return new StackReader(HostEnvironment.of(Map.of("NATS_PORT", "4333")), TestSources.kinds()).read(file);
    }

    @Test
    void readsEveryKeyWithVariablesExpanded() throws IOException {
        Stack stack = read("""
                is_strict: true
                processes:
                  nats: { command: nats-server }
                drill:
                  probe: ./count.sh
                  inject: ./inject.sh ${NATS_PORT}
                  check: ./check.sh
                  nats: { url: "nats://127.0.0.1:${NATS_PORT}", stream: ORDERS, subject: orders.drill }
                """);

        assertThat(stack.drill()).isEqualTo(new DrillSpec("./count.sh", "./inject.sh 4333", "./check.sh",
                new DrillSpec.Nats("nats://127.0.0.1:4333", "ORDERS", "orders.drill")));
        assertThat(stack.warnings()).isEmpty();
    }

    @Test
    void absentSectionIsNoneAndNatsHasDefaults() throws IOException {
        assertThat(read("processes:\n  a: { command: 'true' }\n").drill()).isEqualTo(DrillSpec.NONE);
        assertThat(read("processes:\n  a: { command: 'true' }\ndrill:\n  nats: { url: 'nats://h:1' }\n").drill().nats())
                .isEqualTo(new DrillSpec.Nats("nats://h:1", "DRILL", "drill.check"));
    }

    @Test
    void unknownKeyUnderStrictAndMissingUrlAreErrors() {
        assertThatThrownBy(() -> read("is_strict: true\nprocesses:\n  a: { command: 'true' }\ndrill:\n  probes: x\n"))
                .isInstanceOf(StackFileException.class).hasMessageContaining("probes");
        assertThatThrownBy(() -> read("processes:\n  a: { command: 'true' }\ndrill:\n  nats: { stream: S }\n"))
                .isInstanceOf(StackFileException.class).hasMessageContaining("drill.nats needs a url");
    }
}
