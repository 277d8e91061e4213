package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.examples.testkit.fixtures.FailingFixture;
import dev.pitstop.examples.testkit.fixtures.PassingFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: the stack is down once its test class is done, after a pass and after a failure, on the JUnit of this
 * build and on JUnit 5.10 (which closes only {@code CloseableResource}s in its store, not plain AutoCloseables).
 * The runner checks the PIDs before its JVM ends, so the engine's JVM shutdown hook cannot hide a leak.
 */
class LifecycleTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "JUnit 5.10: {0}")
    @ValueSource(booleans = {false, true})
    void nothingOfThePassingClassesStackIsAliveAfterTheRun(boolean junit510) throws Exception {
        String out = ChildJvm.run(dir, junit510, Map.of(), PassingFixture.class);

        assertThat(out).contains(junit510 ? "JUNIT 1.10" : "JUNIT ")
                .contains("PASSED runs(Engine)", "PASSED sharesTheEnclosingStack(Engine)", "PASSED PassingFixture")
                .doesNotContain("FAILED").contains("GONE ").doesNotContain("ALIVE ").contains("DONE");
    }

    @ParameterizedTest(name = "JUnit 5.10: {0}")
    @ValueSource(booleans = {false, true})
    void nothingOfTheFailingClassesStackIsAliveAfterTheRun(boolean junit510) throws Exception {
        String out = ChildJvm.run(dir, junit510, Map.of(), FailingFixture.class);

        assertThat(out).contains("FAILED fails(Engine)").contains("this fixture fails on purpose")
                .contains("GONE ").doesNotContain("ALIVE ").contains("DONE");
    }
}
