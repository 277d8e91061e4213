package dev.pitstop.examples.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The code of "Write your own source" in docs/sources.md is the compiled example's, line for line. */
class SourcesDocTest {
    private static final Path DOC = Path.of("../docs/sources.md");
    private static final Path EXAMPLE = Path.of("src/main/java/dev/pitstop/examples/source");

    @Test
    void everyLineOfTheDocsExampleIsInTheCompiledSource() throws IOException {
        String doc = Files.readString(DOC);
        String section = doc.substring(doc.indexOf("## Write your own source"));
        int start = section.indexOf("```java\n") + "```java\n".length();
        List<String> shown = section.substring(start, section.indexOf("```\n", start)).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("// …")).toList();
        Set<String> compiled = Files.readString(EXAMPLE.resolve("BuildsSource.java")).concat(
                Files.readString(EXAMPLE.resolve("BuildsModule.java"))).lines().map(String::strip)
                .collect(Collectors.toSet());

        assertThat(shown).hasSizeGreaterThan(30);
        assertThat(shown).allSatisfy(line -> assertThat(compiled).contains(line));
    }
}
