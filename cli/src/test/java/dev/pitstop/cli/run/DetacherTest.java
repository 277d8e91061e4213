package dev.pitstop.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.core.PitstopException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetacherTest {
    @TempDir Path dir;

    /**
     * A real re-exec of {@code pitstop up} in the background with a stack file that does not read, so the child
     * exits at once; the parent must notice, not wait for its deadline, and show the child's output.
     */
    @Test
    void aChildThatExitsBeforeAnsweringIsReportedWithItsOutput() throws Exception {
        Files.writeString(dir.resolve("pitstop.yaml"), "processes:\n  web:\n    comand: sleep 1\n");
        StackLocation location = StackLocation.find(null, dir);
        assertThatThrownBy(() -> new Detacher(location, false).detach(new PrintWriter(new StringWriter())))
                .isInstanceOf(PitstopException.class)
                .hasMessageStartingWith("pitstop up exited with code 1 before the stack answered")
                .hasMessageContaining("processes.web: a process needs a command or an entrypoint");
        assertThat(dir.resolve(".pitstop/pitstop.out")).exists();
    }
}
