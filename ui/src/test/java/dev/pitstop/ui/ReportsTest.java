package dev.pitstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir Path dir;

    @Test
    void listsTheDrillsReportFoldersAndReadsOnlyInsideTheFolder() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("drill"));
        Path run = Files.createDirectories(reports.resolve("drill-20261129T120000Z"));
        Files.writeString(run.resolve("report.md"), "# Drill\n");
        Files.writeString(run.resolve("junit.xml"), "<testsuite/>\n");
        Files.writeString(dir.resolve("secret.txt"), "not a report\n");
        Reports r = new Reports(reports);
        assertThat(r.list()).extracting(Reports.Report::name)
                .containsExactlyInAnyOrder("drill-20261129T120000Z/report.md", "drill-20261129T120000Z/junit.xml");
        assertThat(r.read("drill-20261129T120000Z/report.md")).contains("# Drill\n");
        assertThat(r.read("../secret.txt")).isEmpty();
        assertThat(r.read("drill-20261129T120000Z/../../secret.txt")).isEmpty();
        assertThat(r.read("/etc/passwd")).isEmpty();
        assertThat(r.read("drill-20261129T120000Z")).isEmpty();
    }

    @Test
    void noFolderNoReports() throws Exception {
        assertThat(new Reports(dir.resolve("missing")).list()).isEmpty();
        assertThat(new Reports(null).list()).isEmpty();
        assertThat(new Reports(null).read("x")).isEmpty();
    }
}
