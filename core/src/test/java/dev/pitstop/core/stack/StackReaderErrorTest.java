package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code src/test/resources/stack/bad/} is a stack file that must be rejected. Its first
 * line, {@code # expect: LINE:COLUMN: KEY: PROBLEM}, is the exact message expected after the file's path.
 */
class StackReaderErrorTest {
    private static final String EXPECT = "# expect: ";

    private final StackReader reader = new StackReader(HostEnvironment.of(Map.of()), TestSources.kinds());

    static Stream<Path> badFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(StackReaderErrorTest.class.getResource("/stack/bad").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void rejectsWithFileLineColumnAndKey(Path file) throws IOException {
        String firstLine = Files.readAllLines(file).get(0);
        assertThat(firstLine).startsWith(EXPECT);
        String expected = file.toAbsolutePath() + ":" + firstLine.substring(EXPECT.length());

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(StackFileException.class)
                .hasMessage(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
