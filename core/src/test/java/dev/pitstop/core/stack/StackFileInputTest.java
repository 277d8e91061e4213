package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or mistaken input: each gets one line naming the file, the place and the problem. */
class StackFileInputTest {
    private final StackReader reader = new StackReader(HostEnvironment.of(Map.of()), TestSources.kinds());

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("pitstop.yaml"), text);
    }

    @Test
    void aMissingWorkingDirIsReportedWhereItIsWritten() throws IOException {
        Path file = write("processes:\n  web:\n    command: sleep 1\n    working_dir: nowhere\n");

        assertThat(reader.read(file).warnings()).containsExactly(file + ":4:5: processes.web.working_dir: no such "
                + "folder: nowhere (" + dir.resolve("nowhere") + "); the process cannot start until it exists");
    }

    @Test
    void aMissingWorkingDirStopsAStrictRead() throws IOException {
        Path file = write("is_strict: true\nprocesses:\n  web:\n    command: sleep 1\n    working_dir: nowhere\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(StackFileException.class)
                .hasMessage(file + ":5:18: processes.web.working_dir: no such folder: nowhere (" + dir.resolve("nowhere")
                        + ")");
    }

    @Test
    void aWorkingDirThatIsAFileIsReported() throws IOException {
        Files.writeString(dir.resolve("notes"), "x");
        Path file = write("processes:\n  web:\n    command: sleep 1\n    working_dir: notes\n");

        assertThat(reader.read(file).warnings()).containsExactly(file + ":4:5: processes.web.working_dir: not a "
                + "folder: notes (" + dir.resolve("notes") + "); the process cannot start until it exists");
    }

    @Test
    void aFolderGivenAsTheStackFileIsNamedAsSuch() {
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(StackFileException.class)
                .hasMessage(dir + ": is a folder, not a stack file (name the file in it, e.g. "
                        + dir.resolve("pitstop.yaml") + ")");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWhereTheyAreInsteadOfAsAJavaException() throws IOException {
        Path file = dir.resolve("pitstop.yaml");
        // "café" saved as Latin-1: once "MalformedInputException: Input length = 1"
        Files.write(file, "processes:\n  web:\n    command: caf\u00e9 1\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(StackFileException.class)
                .hasMessage(file + ":3:17: byte 0xE9 is not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void utf8TextIsReadAsIs() throws IOException {
        Path file = dir.resolve("pitstop.yaml");
        Files.write(file, "processes:\n  web:\n    command: echo caf\u00e9 \u2713\n".getBytes(StandardCharsets.UTF_8));

        assertThat(reader.read(file).processes().get("web").command()).isEqualTo("echo caf\u00e9 \u2713");
    }

    @Test
    void aNulByteIsReportedOnItsOwnLine() throws IOException {
        Path file = write("processes:\n  web:\n    command: sle\0ep 1\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(StackFileException.class)
                .hasMessageStartingWith(file + ":3:17: ")
                .hasMessageContaining("NUL");
    }

    @Test
    void composeYmlIsDiscovered() throws IOException {
        Files.writeString(dir.resolve("compose.yml"), "processes:\n  web:\n    command: sleep 1\n");

        assertThat(reader.discover(dir)).isEqualTo(dir.resolve("compose.yml"));
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsParsed() throws IOException {
        Path file = dir.resolve("pitstop.yaml");
        byte[] value = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(value, (byte) 'a');
        Files.write(file, ("processes:\n  web:\n    command: " + new String(value, StandardCharsets.US_ASCII) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        long start = System.nanoTime();

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(StackFileException.class)
                .hasMessage(file + ": the file has 10485792 bytes; a stack file may have at most 1048576");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2000);
    }

    @Test
    void anOverlongValueIsRefusedWithItsPlace() throws IOException {
        Path file = write("processes:\n  web:\n    command: " + "a".repeat(200_000) + "\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(StackFileException.class)
                .hasMessageStartingWith(file + ":3:")
                .hasMessageContaining("longer than 65536 characters");
    }
}
