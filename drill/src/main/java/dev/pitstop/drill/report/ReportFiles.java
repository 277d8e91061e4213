package dev.pitstop.drill.report;

import dev.pitstop.control.ControlJson;
import dev.pitstop.drill.DrillReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a drill's reports as {@code DIR/drill-<yyyyMMdd'T'HHmmss'Z'>/{report.md,report.json,junit.xml}}. The
 * folder is written under a temporary name and renamed, so a reader (the dashboard, a CI step) sees all three
 * files or none.
 */
public final class ReportFiles {
    public static final String MARKDOWN = "report.md";
    public static final String JSON = "report.json";
    public static final String JUNIT = "junit.xml";
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;

    public ReportFiles(Path dir) {
        this.dir = dir;
    }

    /** @return the folder written */
    public Path write(DrillReport report) throws IOException {
        Files.createDirectories(dir);
        String name = "drill-" + STAMP.format(report.startedAt());
        Path target = dir.resolve(name);
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(name + "-" + i);
        }
        Path temp = Files.createTempDirectory(dir, "." + name + ".");
        Files.writeString(temp.resolve(MARKDOWN), new MarkdownReport().render(report), StandardCharsets.UTF_8);
        Files.writeString(temp.resolve(JSON), new ControlJson().document(report), StandardCharsets.UTF_8);
        Files.writeString(temp.resolve(JUNIT), new JunitXml().render(report), StandardCharsets.UTF_8);
        return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
