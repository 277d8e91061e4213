package dev.pitstop.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.trust.CommandRunException;
import dev.pitstop.core.trust.CommandRunner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void capturesExitCodeAndBothStreams() {
        CommandRunner.Result r = runner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 7"), Duration.ofSeconds(30));
        assertThat(r).isEqualTo(new CommandRunner.Result(7, "out\n", "err\n"));
        assertThat(r.ok()).isFalse();
    }

    @Test
    void killsWhatMissesTheDeadline() {
        assertThatThrownBy(() -> runner.run(List.of("sleep", "60"), Duration.ofMillis(200)))
                .isInstanceOf(CommandRunException.class).hasMessage("sleep 60: did not finish within 200 ms; killed");
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .isEmpty();
    }

    @Test
    void missingProgramIsAClearError() {
        assertThatThrownBy(() -> runner.run(List.of("no-such-program-xyz", "-v"), Duration.ofSeconds(5)))
                .isInstanceOf(CommandRunException.class).hasMessageStartingWith("no-such-program-xyz -v: cannot run: ");
    }
}
