package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Engine;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.testkit.PitstopStack;
import dev.pitstop.testkit.PitstopTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What other projects' integration tests get from {@code @PitstopTest}: a ready stack and its engine. */
@PitstopTest("src/test/resources/testkit/pitstop.yaml")
class PitstopTestExtensionTest {

    @Test
    void theStackIsUpAndReadyBeforeTheFirstTest(Engine engine) {
        assertThat(engine.ps()).extracting(ProcessStatus::name).containsExactly("server", "worker");
        assertThat(engine.ps()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(ProcessState.RUNNING);
            assertThat(ProcessHandle.of(s.pid())).isPresent();
        });
    }

    @Test
    void testsDriveTheSameEngine(Engine engine) {
        long worker = engine.ps().get(1).pid();
        ReloadResult reload = engine.reload("server");
        assertThat(reload.newPid()).isNotEqualTo(reload.oldPid());
        assertThat(engine.ps().get(1).pid()).isEqualTo(worker);
    }

    @Nested
    class WithoutAStackOfItsOwn {
        @Test
        void sharesTheEnclosingClassesStack(PitstopStack stack, Engine engine) {
            assertThat(stack.engine()).isSameAs(engine);
            assertThat(stack.workDir()).endsWith(Path.of(PitstopTestExtensionTest.class.getName()));
            assertThat(engine.ps()).extracting(ProcessStatus::name).containsExactly("server", "worker");
        }
    }

    @Nested
    @PitstopTest("src/test/resources/testkit/sleepers/pitstop.yaml")
    class WithAStackOfItsOwn {
        @Test
        void runsItsOwn(Engine engine) {
            assertThat(engine.ps()).extracting(ProcessStatus::name).containsExactly("sleeper", "forker");
        }
    }
}
