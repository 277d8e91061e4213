package dev.pitstop.cli;

import dev.pitstop.cli.text.CliText;
import dev.pitstop.testkit.FakeEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.control.ControlServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliClientCommandsTest {
    @TempDir Path dir;
    final FakeEngine engine = new FakeEngine();
    ControlServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("process-compose.yaml"), "processes: {}\n");
        server = new ControlServer(engine, dir.resolve(".pitstop"), new CliText(Clock.systemUTC()));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int run(String... args) {
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void psPrintsAnAlignedTable() {
        assertThat(run("ps")).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("NAME +STATE +HEALTH +PID +RESTARTS +UPTIME +EXIT");
        assertThat(lines[2]).startsWith("ingest-worker  Running").contains("Not Ready", "4343");
        assertThat(lines[3]).matches("broken +Error +- +- +5 +- +3");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void psJsonIsTheApiAnswer() throws Exception {
        assertThat(run("ps", "--json")).isZero();
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json).hasSize(3);
        assertThat(json.get(1).get("restarts").asInt()).isEqualTo(2);
    }

    @Test
    void stackFileOptionLocatesTheSocketFromAnotherFolder() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("sub"));
        int code = Main.run(elsewhere, new PrintWriter(out, true), new PrintWriter(err, true),
                "ps", "-f", "../process-compose.yaml");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("NAME");
    }

    @Test
    void reloadPrintsOldAndNewPidDigestAndTime() {
        assertThat(run("reload", "nats")).isZero();
        assertThat(out.toString()).isEqualTo("nats: pid 4242 \u2192 5151, sha256 3f2a9c0d1e2b, took 412 ms\n");
        assertThat(engine.calls).containsExactly("reload nats");
    }

    @Test
    void failedReloadPrintsReasonAndLastLogLinesAndFails() {
        assertThat(run("reload", "broken")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("""
                reload failed: broken: exited before it was ready (exit code 3)
                  last log lines:
                    starting broken
                    fatal: port 4222 in use
                """);
    }

    @Test
    void severalNamesReloadInOneRequest() {
        assertThat(run("reload", "nats", "broken")).isEqualTo(1);
        assertThat(err.toString()).contains("nats: pid 4242 \u2192 5151", "broken: reload failed");
        assertThat(engine.calls).containsExactlyInAnyOrder("reload nats", "reload broken");
    }

    @Test
    void actionsAndUnknownProcess() {
        assertThat(run("restart", "nats")).isZero();
        assertThat(run("stop", "nats")).isZero();
        assertThat(run("start", "nats")).isZero();
        assertThat(out.toString()).isEqualTo("nats: restarted\nnats: stopped\nnats: started\n");
        assertThat(run("restart", "nope")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no process named 'nope' in this stack\n");
    }

    @Test
    void logsEventsApplyDown() {
        assertThat(run("logs", "nats", "-n", "2")).isZero();
        assertThat(out.toString()).isEqualTo("nats line 2\nnats line 3\n");
        assertThat(run("events", "--json", "-n", "1")).isZero();
        assertThat(out.toString()).contains("\"type\":\"STATE_CHANGED\"");
        assertThat(run("apply")).isZero();
        assertThat(out.toString()).contains("started:   web", "restarted: nats");
        assertThat(run("down")).isZero();
        assertThat(out.toString()).endsWith("stack stopped\n");
        assertThat(engine.calls).containsExactly("apply", "down");
    }

    @Test
    void logsFollowPrintsLinesAsTheyCome() {
        CompletableFuture<Integer> follow = Background.run(() -> run("logs", "nats", "-f", "-n", "1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("nats line 3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !engine.logFollowers.isEmpty());
        engine.emitLog("nats", "live line");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("live line"));
        server.close(); // ends the stream like a stopping stack does
        assertThat(follow.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isZero();
    }

    @Test
    void badCountIsAUsageError() {
        assertThat(run("logs", "nats", "-n", "-3")).isEqualTo(2);
        assertThat(err.toString()).contains("-n must not be negative");
    }

    // Process Compose users' commands: the same calls as Pitstop's own

    @Test
    void processCommandsAreTheSameCallsAsOurs() {
        assertThat(run("process", "restart", "nats")).isZero();
        assertThat(run("process", "stop", "nats")).isZero();
        assertThat(run("process", "start", "nats")).isZero();
        assertThat(out.toString()).isEqualTo("nats: restarted\nnats: stopped\nnats: started\n");
        out.getBuffer().setLength(0);

        assertThat(run("process", "list")).isZero();
        String list = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("ps")).isZero();
        assertThat(list).isEqualTo(out.toString());

        assertThat(run("process", "logs", "nats", "-n", "2")).isZero();
        assertThat(out.toString()).endsWith("nats line 2\nnats line 3\n");
        assertThat(run("process", "info", "nats")).isZero();
        assertThat(run("process", "restart", "nope")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no process named 'nope' in this stack\n");
    }

    @Test
    void projectUpdateAndState() {
        assertThat(run("project", "update")).isZero();
        assertThat(out.toString()).contains("restarted: nats");
        assertThat(run("project", "state")).isZero();
        assertThat(engine.calls).containsExactly("apply");
    }

    @Test
    void aFileBeforeTheSubcommandIsTheStacksFile() throws Exception {
        // the stack runs in dir, so naming another folder's file finds no stack there
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/pc.yaml"), "processes: {}\n");
        assertThat(run("-f", "other/pc.yaml", "process", "list")).isEqualTo(PitstopCommand.NOT_RUNNING);
        assertThat(err.toString()).contains(dir.resolve("other").toString());
        assertThat(run("-f", "process-compose.yaml", "process", "list")).isZero();
    }

    @Test
    void versionAndAttach() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("pitstop ");
        assertThat(run("attach", "--port", "8080")).isEqualTo(1);
        assertThat(err.toString()).contains("no terminal UI", "pitstop ps", "pitstop logs -f");
    }

    @Test
    void fileOptionsMoveAfterTheSubcommand() {
        assertThat(Main.fileOptionsAfterSubcommand("-f", "a.yaml", "-f", "b.yaml", "up", "-d"))
                .containsExactly("up", "--file", "a.yaml", "--file", "b.yaml", "-d");
        assertThat(Main.fileOptionsAfterSubcommand("--home", "h", "-f", "a.yaml", "process", "restart", "x"))
                .containsExactly("--home", "h", "process", "restart", "--file", "a.yaml", "x");
        assertThat(Main.fileOptionsAfterSubcommand("up", "-f", "a.yaml")).containsExactly("up", "-f", "a.yaml");
    }
}
