package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.process.ProcessState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Process names become log file names, and none of them may write outside {@code .pitstop/logs}. */
class LogNamesTest extends SupervisorHarness {

    @Test
    void namesThatLookLikePathsStayInsideTheLogFolder() throws Exception {
        Path outside = Files.createTempDirectory("pitstop-outside");
        String absolute = outside.resolve("x" + ThreadLocalRandom.current().nextInt(1_000_000)).toString();
        Files.createDirectories(dir.resolve("sub/deeper"));
        Path stackDir = dir.resolve("sub/deeper");
        up(FAST, dev.pitstop.core.stack.Stack.of(stackDir, java.util.List.of(sh("../../x", "echo up").build(),
                sh(absolute, "echo abs").build(), sh("a/b", "echo ab").build())));
        awaitState("../../x", ProcessState.COMPLETED);
        awaitState(absolute, ProcessState.COMPLETED);
        awaitState("a/b", ProcessState.COMPLETED);
        supervisor.down();

        Path logs = stackDir.resolve(".pitstop/logs");
        assertThat(Files.readString(logs.resolve("%2E%2E%2F%2E%2E%2Fx.log"))).endsWith(" up\n");
        assertThat(Files.readString(logs.resolve("a%2Fb.log"))).endsWith(" ab\n");
        try (var files = Files.list(logs)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("%2E%2E%2F%2E%2E%2Fx.log", "a%2Fb.log",
                            new dev.pitstop.core.process.ProcessName(absolute).fileName() + ".log");
        }
        assertThat(stackDir.resolve("x.log")).doesNotExist();
        assertThat(stackDir.resolve(".pitstop/x.log")).doesNotExist();
        assertThat(Path.of(absolute + ".log")).doesNotExist();
        assertThat(stackDir.resolve(".pitstop/logs/a")).doesNotExist();
    }

    @Test
    void aNameThatCannotBeMappedIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> up(sh("ok", "sleep 1000").build(), sh("bad\tname", "sleep 1000").build()))
                .isInstanceOf(PitstopException.class)
                .hasMessage("process 'bad\tname': a process name must not contain control characters (found U+0009)");
        assertThat(supervisor.ps()).isEmpty();
    }
}
