package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.examples.testkit.fixtures.BlockingFixture;
import dev.pitstop.examples.testkit.fixtures.Recorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: a test JVM that is killed leaves nothing running for long. SIGTERM: the engine's JVM shutdown hook
 * brings the stack down. SIGKILL: nothing in the JVM runs, so the stack outlives it; the next run of the test (same
 * work folder) finds the leftovers through the supervisor's run ledger, stops them and reports each by name.
 */
class KilledJvmTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "JUnit 5.10: {0}")
    @ValueSource(booleans = {false, true})
    void sigtermOfTheTestJvmStopsTheStack(boolean junit510) throws Exception {
        List<Long> pids = killWhileTheStackRuns(junit510, false);

        await().atMost(Duration.ofSeconds(20)).until(() -> pids.stream().noneMatch(Recorded::alive));
    }

    @ParameterizedTest(name = "JUnit 5.10: {0}")
    @ValueSource(booleans = {false, true})
    void afterSigkillTheNextRunStopsTheLeftoversAndNamesThem(boolean junit510) throws Exception {
        List<Long> pids = killWhileTheStackRuns(junit510, true);
        try {
            assertThat(pids).as("SIGKILL runs no hook: the stack outlives the JVM").allMatch(Recorded::alive);
            Files.delete(dir.resolve("pids"));

            String out = ChildJvm.run(dir, junit510, Map.of("fixture.block", "false"), BlockingFixture.class);

            assertThat(out).contains("REPORT pitstop.leftover.sleeper=leftover of an earlier run still alive")
                    .contains("REPORT pitstop.leftover.forker=").contains("LEFTOVER sleeper", "LEFTOVER forker")
                    .contains("PASSED runsUntilKilled").doesNotContain("ALIVE ");
            assertThat(pids).noneMatch(Recorded::alive);
        } finally {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /** Starts the blocking fixture, waits until its stack is up, kills the JVM and returns the stack's PIDs. */
    private List<Long> killWhileTheStackRuns(boolean junit510, boolean sigkill) throws Exception {
        Process jvm = ChildJvm.start(dir, junit510, Map.of(), BlockingFixture.class);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> ChildJvm.output(dir).contains("STACK UP"));
            List<Long> pids = Recorded.pids(dir.resolve("pids"));
            assertThat(pids).hasSize(2).allMatch(Recorded::alive);
            if (sigkill) {
                jvm.destroyForcibly();
            } else {
                jvm.destroy();
            }
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return pids;
        } finally {
            jvm.destroyForcibly();
        }
    }
}
