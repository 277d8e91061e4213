package dev.pitstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.cli.text.CliText;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.control.ControlServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary commands against a real running stack: a real engine with its control server, a real process
 * running a copy of {@code /bin/sleep}. The swap happens in the stack, not in the CLI.
 */
class CliRunningEngineTest {
    @TempDir Path dir;
    Path home;
    Engine engine;
    ControlServer server;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void up() throws Exception {
        home = dir.resolve("home");
        Files.copy(Path.of("/bin/sleep"), dir.resolve("sleep1"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Path.of("/bin/sleep"), dir.resolve("sleep2"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.write(dir.resolve("sleep2"), new byte[] {'\n'}, StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("pitstop.yaml"), """
                binaries:
                  sleeper:
                    file: ./sleep1
                processes:
                  s:
                    command: "${bin:sleeper} 1000"
                """);
        engine = new LocalPitstop(home).get(EngineFactory.class).open(dir.resolve("pitstop.yaml"));
        server = new ControlServer(engine, dir.resolve(".pitstop"), new CliText(Clock.systemUTC()));
        server.start();
        engine.up();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> engine.ps().get(0).state() == ProcessState.RUNNING && engine.ps().get(0).pid() > 0);
    }

    @AfterEach
    void down() throws Exception {
        try {
            engine.down();
            assertThat(engine.awaitDown(Duration.ofSeconds(30))).isTrue();
        } finally {
            server.close();
            engine.close();
        }
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void installSwapsTheRunningProcessThenVerifyAndSnapshotSeeIt() throws Exception {
        long before = engine.ps().get(0).pid();
        Sha256 second = Sha256.ofFile(dir.resolve("sleep2"));
        assertThat(run("install", "sleeper", "sleep2", "--version", "2.0")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(" \u2192 2.0 (" + second.shortHex() + ")\n",
                "  s: pid " + before + " \u2192 ", "sha256 " + second.shortHex());
        long after = engine.ps().get(0).pid();
        assertThat(after).isNotEqualTo(before);

        assertThat(run("verify")).as(err.toString()).isZero();
        assertThat(run("snapshot", "-o", "snap.json")).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("snap.json").toFile()).at("/processes/sleeper/pid").asLong())
                .isEqualTo(after);

        assertThat(run("rollback", "sleeper")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("  s: pid " + after + " \u2192 ");
        assertThat(run("snapshot", "-o", "snap2.json")).isZero();
        assertThat(run("diff", "--home", home.toString(), "snap.json", "snap2.json")).isZero();
        assertThat(out.toString()).startsWith("sleeper  restarted, binary-changed, version-changed  pid " + after);
    }
}
