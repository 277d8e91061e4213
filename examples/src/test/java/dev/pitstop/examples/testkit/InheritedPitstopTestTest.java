package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.testkit.PitstopStack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 11: {@code @PitstopTest} on a base class applies to its subclasses; a stack per method on request. */
class InheritedPitstopTestTest extends SleeperStackBase {

    @Test
    void theSubclassRunsTheBaseClassesStackInAFolderOfItsOwn(PitstopStack stack) {
        assertThat(stack.engine().ps()).extracting(ProcessStatus::name).containsExactly("sleeper", "forker");
        assertThat(stack.workDir()).endsWith(Path.of(InheritedPitstopTestTest.class.getName(),
                "theSubclassRunsTheBaseClassesStackInAFolderOfItsOwn"));
    }
}
