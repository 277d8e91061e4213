package dev.pitstop.drill.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout the dashboard lists: DIR/drill-<UTC stamp>/{report.md,report.json,junit.xml}, nothing else. */
class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheThreeFilesUnderAStampedFolder() throws Exception {
        Path written = new ReportFiles(dir).write(Reports.sample());
        Path again = new ReportFiles(dir).write(Reports.sample());

        assertThat(written).isEqualTo(dir.resolve("drill-20261129T120000Z"));
        assertThat(again).isEqualTo(dir.resolve("drill-20261129T120000Z-2"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("drill-20261129T120000Z", "drill-20261129T120000Z-2");
        }
        try (Stream<Path> files = Files.list(written)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.md", "report.json", "junit.xml");
        }
        JsonNode json = new ObjectMapper().readTree(written.resolve("report.json").toFile());
        assertThat(json.get("stack").asText()).isEqualTo("/srv/stack/pitstop.yaml");
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("failedChecks").asLong()).isEqualTo(1);
        assertThat(json.get("phases").get(0).get("ok").asBoolean()).isTrue();
        assertThat(json.get("phases").get(1).get("steps").get(0).get("ok").asBoolean()).isFalse();
        assertThat(json.get("phases")).hasSize(3);
        assertThat(json.get("figures").get("rapid").get("p50_ms").asLong()).isEqualTo(390);
        String md = Files.readString(written.resolve("report.md"));
        assertThat(md).startsWith("# pitstop drill: FAILED")
                .contains("| nats: truncated <&> \"x\" | **FAIL** | 1200 |")
                .contains("## cascade: skipped\n\nno running process has dependents")
                .contains("- nats: restarted (pid 4242 \u2192 5151)");
    }
}
