package dev.pitstop.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.PitstopException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLocationTest {
    @TempDir
    Path dir;

    @Test
    void composeYmlIsFoundAsTheDocsSay() throws Exception {
        Files.writeString(dir.resolve("compose.yml"), "processes: {}\n");

        assertThat(StackLocation.find(null, dir).file()).isEqualTo(dir.resolve("compose.yml"));
    }

    @Test
    void aFolderGivenWithDashFIsNamedAsAFolder() throws Exception {
        Files.createDirectories(dir.resolve("stack"));

        assertThatThrownBy(() -> StackLocation.find(Path.of("stack"), dir)).isInstanceOf(PitstopException.class)
                .hasMessage(dir.resolve("stack") + " is a folder, not a stack file (name the file in it, e.g. "
                        + dir.resolve("stack/pitstop.yaml") + ")");
    }
}
