package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.stack.ProcessSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackDiffTest {

    @Test
    void comparesSpecsByValue() {
        Map<String, ProcessSpec> current = specs("a", "sleep 1", "b", "sleep 2", "c", "sleep 3");
        Map<String, ProcessSpec> wanted = specs("b", "sleep 2", "a", "sleep 10", "d", "sleep 4");

        StackDiff diff = StackDiff.between(current, wanted);

        assertThat(diff.added()).containsExactly("d");
        assertThat(diff.removed()).containsExactly("c");
        assertThat(diff.changed()).containsExactly("a");
        assertThat(diff.unchanged()).containsExactly("b");
        assertThat(diff.toResult().started()).containsExactly("d");
        assertThat(diff.toResult().restarted()).containsExactly("a");
    }

    private static Map<String, ProcessSpec> specs(String... nameAndCommand) {
        Map<String, ProcessSpec> specs = new LinkedHashMap<>();
        for (int i = 0; i < nameAndCommand.length; i += 2) {
            specs.put(nameAndCommand[i], ProcessSpec.builder(nameAndCommand[i]).command(nameAndCommand[i + 1]).build());
        }
        return specs;
    }
}
