package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogsTest extends SupervisorHarness {

    @Test
    void aFollowerThatNeverDrainsDoesNotBlockAHeavyWriter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<LogLine> seen = new CopyOnWriteArrayList<>();
        // about 30 MB in 300 000 lines, far more than the follower's queue of 100 lines
        up(FAST.withLogBufferLines(100), stack(sh("writer",
                "head -c 30000000 /dev/zero | tr '\\0' x | fold -w 99; echo; echo done").build()));
        AutoCloseable follower = supervisor.followLogs("writer", line -> {
            seen.add(line);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        awaitState("writer", ProcessState.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !supervisor.logs("writer", 1).isEmpty()
                && supervisor.logs("writer", 1).get(0).text().equals("done"));
        assertThat(supervisor.logs("writer", 1000)).hasSize(100);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                seen.stream().anyMatch(l -> l.text().matches("\\[pitstop] \\d+ lines dropped.*")));
        follower.close();
    }

    @Test
    void followersReceiveNewLinesUntilTheyClose() throws Exception {
        up(sh("ticker", "while [ ! -e stop ]; do echo tick; sleep 0.05; done; echo last").build());
        awaitRunning("ticker");
        List<LogLine> seen = new CopyOnWriteArrayList<>();

        AutoCloseable follower = supervisor.followLogs("ticker", seen::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 3);
        follower.close();
        Files.writeString(dir.resolve("stop"), "");
        awaitState("ticker", ProcessState.COMPLETED);
        await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.logs("ticker", 1).get(0).text().equals("last"));

        assertThat(seen).allMatch(l -> l.text().equals("tick") && l.process().equals("ticker"));
    }

    @Test
    void logFileRotatesAtTheConfiguredSize() throws Exception {
        up(FAST.withLogRotation(4096, 2), stack(sh("chatty",
                "for i in $(seq 1 200); do printf 'line %03d %0100d\\n' $i 0; done").build()));
        awaitState("chatty", ProcessState.COMPLETED);
        supervisor.close();

        Path logs = dir.resolve(".pitstop/logs");
        assertThat(logs.resolve("chatty.log")).exists();
        assertThat(logs.resolve("chatty.log.1")).exists();
        assertThat(logs.resolve("chatty.log.2")).exists();
        assertThat(logs.resolve("chatty.log.3")).doesNotExist();
        for (String name : List.of("chatty.log", "chatty.log.1", "chatty.log.2")) {
            assertThat(Files.size(logs.resolve(name))).isLessThanOrEqualTo(4096);
        }
        assertThat(Files.readAllLines(logs.resolve("chatty.log"))).last().asString().endsWith("line 200 " + "0".repeat(100));
    }

    @Test
    void longLinesAreCappedAndStderrIsMerged() {
        up(FAST.withMaxLineLength(64), stack(sh("long",
                "printf '%0200d\\n' 7; echo to-stderr >&2").logLocation(Path.of("custom/long.txt")).build()));
        awaitState("long", ProcessState.COMPLETED);
        await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.logs("long", 10).size() == 2);

        List<LogLine> lines = supervisor.logs("long", 10);
        assertThat(lines.get(0).text()).isEqualTo("0".repeat(64) + LineSplitter.TRUNCATED);
        assertThat(lines.get(1).text()).isEqualTo("to-stderr");
        supervisor.close();
        assertThat(dir.resolve("custom/long.txt")).content().contains("to-stderr");
    }

    @Test
    void theStackLogLocationIsOneFileForEveryProcessWithoutItsOwn() throws Exception {
        dev.pitstop.core.stack.Stack base = stack(sh("a", "echo from-a").build(), sh("b", "echo from-b").build(),
                sh("c", "echo from-c").logLocation(Path.of("c.log")).build());
        up(FAST, new dev.pitstop.core.stack.Stack(base.file(), base.processes(), null, null, Path.of("all.log"),
                null, false, false, null));
        awaitState("a", ProcessState.COMPLETED);
        awaitState("b", ProcessState.COMPLETED);
        awaitState("c", ProcessState.COMPLETED);
        supervisor.close();

        assertThat(Files.readAllLines(dir.resolve("all.log")))
                .anyMatch(l -> l.endsWith(" [a] from-a")).anyMatch(l -> l.endsWith(" [b] from-b"))
                .noneMatch(l -> l.contains("from-c"));
        assertThat(Files.readAllLines(dir.resolve("c.log"))).singleElement().asString().endsWith("Z from-c");
    }

    @Test
    void eventsAreAppendedAsJsonLines() throws Exception {
        up(sh("once", "true").build());
        awaitState("once", ProcessState.COMPLETED);
        supervisor.close();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = Files.readAllLines(dir.resolve(".pitstop/events.jsonl")).stream()
                .map(l -> {
                    try {
                        return json.readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError(l, e);
                    }
                }).toList();
        assertThat(lines).extracting(n -> n.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(lines).extracting(n -> n.get("type").asText())
                .containsSubsequence("STACK_STARTING", "STATE_CHANGED", "PROCESS_EXITED", "STACK_STOPPED");
        assertThat(lines.get(1).get("process").asText()).isEqualTo("once");
    }

    @Test
    void outputWithoutANewlineIsLoggedAfterAQuietMoment() throws Exception {
        up(sh("prompt", "printf 'Password: '; sleep 1; printf 'rest\\nnext\\n'; printf 'tail'; exec sleep 1000").build());
        awaitRunning("prompt");

        await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.logs("prompt", 10).stream()
                .map(l -> l.text()).toList().equals(List.of("Password: ", "rest", "next", "tail")));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                Files.readString(dir.resolve(".pitstop/logs/prompt.log")).endsWith(" tail\n"));
    }
}
