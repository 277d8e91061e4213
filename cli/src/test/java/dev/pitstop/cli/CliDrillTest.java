package dev.pitstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pitstop drill --up} on real processes: the live view, the three reports, the exit code. */
class CliDrillTest {
    @TempDir Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void stack(String check) throws Exception {
        Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  db:
                    command: "exec sleep 600"
                  app:
                    command: "exec sleep 600"
                    depends_on: { db: { condition: process_started } }
                drill:
                  probe: "echo probed"
                  check: "%s"
                """.formatted(check));
    }

    @Test
    void upDrillsWritesTheReportsAndPasses() throws Exception {
        stack("exit 0");
        int code = run("--home", "home", "drill", "--up", "--phases", "single,parallel,rapid,integrity",
                "--rounds", "2", "--report", "reports");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("== single", "  pass  reload db (", "  pass  reload app (",
                "== rapid", "  pass  leak checks after 2 reloads of db", "== integrity", "  pass  check (",
                "drill PASSED: 0 failed check(s); reports in " + dir.resolve("reports").resolve("drill-"));
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
            runs = s.toList();
        }
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).getFileName().toString()).matches("drill-\\d{8}T\\d{6}Z");
        assertThat(Files.readString(runs.get(0).resolve("report.md"))).startsWith("# pitstop drill: PASSED");
        assertThat(Files.readString(runs.get(0).resolve("junit.xml"))).contains("failures=\"0\"");
        assertThat(dir.resolve(".pitstop").resolve("pitstop.sock")).doesNotExist(); // the stack is down again
    }

    @Test
    void aFailedCheckFailsTheDrill() throws Exception {
        stack("echo 3 records lost; exit 1");
        int code = run("--home", "home", "drill", "--up", "--phases", "integrity", "--report", "reports");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("  FAIL  check (", "\u2717 check passed: exit 1: 3 records lost",
                "drill FAILED: 1 failed check(s)");
    }

    @Test
    void withoutUpTheStackMustRunAndPhasesMustExist() throws Exception {
        stack("exit 0");
        assertThat(run("drill")).isEqualTo(3);
        assertThat(err.toString()).startsWith("pitstop: no stack is running in " + dir);
        StringWriter err2 = new StringWriter();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(err2, true), "drill", "--up",
                "--phases", "single,chaos")).isEqualTo(1);
        assertThat(err2.toString()).isEqualTo("pitstop: no drill phase 'chaos'; the phases are single, parallel, "
                + "cascade, rapid, failure, integrity\n");
    }
}
