package dev.pitstop.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.cli.Main;
import dev.pitstop.testkit.ProcessLeaks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's "done when": with the POSIX-only process platform forced ({@code PITSTOP_PROCESS_PLATFORM=posix}: no
 * {@code /proc}, no Linux-only call), {@code pitstop up -d} runs a stack, reloads a process and stops it all.
 */
class PosixPlatformUpTest {
    private static final Pattern SUPERVISOR = Pattern.compile("pid (\\d+)");
    private static final Pattern RELOADED = Pattern.compile("ticker: pid (\\d+) \u2192 (\\d+)");

    @TempDir Path dir;
    private long supervisor;

    private String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        int code = Main.run(dir, new PrintWriter(out, true), new PrintWriter(out, true), args);
        assertThat(code).as(out.toString()).isEqualTo(expectedCode);
        return out.toString();
    }

    @AfterEach
    void down() {
        if (supervisor != 0 && ProcessHandle.of(supervisor).isPresent()) {
            Main.run(dir, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), "down");
        }
    }

    @Test
    void upDetachedReloadAndDownOnThePosixPlatform() throws Exception {
        Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  ticker:
                    command: "echo started; exec sleep 1000"
                    ready_log_line: started
                """);
        ProcessBuilder up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "up", "-d")
                .directory(dir.toFile()).redirectErrorStream(true);
        up.environment().put("PITSTOP_PROCESS_PLATFORM", "posix");
        Process detaching = up.start();
        String said = new String(detaching.getInputStream().readAllBytes());
        assertThat(detaching.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(detaching.exitValue()).as(said).isZero();
        Matcher m = SUPERVISOR.matcher(said);
        assertThat(m.find()).as(said).isTrue();
        supervisor = Long.parseLong(m.group(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(run(0, "ps")).containsPattern("ticker\\s+Running"));
        assertThat(Files.readString(dir.resolve(".pitstop/events.jsonl")))
                .contains("process platform posix (PITSTOP_PROCESS_PLATFORM=posix)");

        Matcher reloaded = RELOADED.matcher(run(0, "reload", "ticker"));
        assertThat(reloaded.find()).isTrue();
        long fresh = Long.parseLong(reloaded.group(2));
        assertThat(fresh).isNotEqualTo(Long.parseLong(reloaded.group(1)));
        assertThat(run(0, "ps")).containsPattern("ticker\\s+Running").contains(" " + fresh + " ");

        run(0, "down");
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(supervisor).isEmpty());
        ProcessLeaks.assertNone(List.of(supervisor, fresh));
    }
}
