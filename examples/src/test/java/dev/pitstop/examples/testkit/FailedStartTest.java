package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.examples.testkit.fixtures.BrokenFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: a stack that does not start fails the test class with the process, its probe error and its log. */
class FailedStartTest {
    @TempDir
    Path dir;

    @Test
    void theFailureNamesTheProcessItsProbeErrorAndItsLastLogLines() throws Exception {
        String out = ChildJvm.run(dir, false, Map.of(), BrokenFixture.class);

        assertThat(out).contains("FAILED BrokenFixture: the stack ").contains("did not start")
                .contains("web is Running").contains("no answer on the health port")
                .contains("bind: address already in use").doesNotContain("ALIVE ");
    }
}
