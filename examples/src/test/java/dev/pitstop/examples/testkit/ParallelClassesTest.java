package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.examples.testkit.fixtures.ParallelFixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: two test classes run their stacks at the same time, each nats-server on a free port of its own. */
class ParallelClassesTest {
    @TempDir
    Path dir;

    @Test
    void twoClassesRunTheirStacksInParallel() throws Exception {
        String out = ChildJvm.run(dir, false, Map.of("junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"),
                ParallelFixtures.First.class, ParallelFixtures.Second.class);

        assertThat(out).doesNotContain("FAILED").doesNotContain("ALIVE ");
        assertThat(out.lines().filter(l -> l.startsWith("PASSED serves"))).hasSize(2);
        assertThat(out.lines().filter(l -> l.startsWith("PORT ")).distinct()).hasSize(2);
    }
}
