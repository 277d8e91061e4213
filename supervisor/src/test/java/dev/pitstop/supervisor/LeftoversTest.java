package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.stack.ProbeSpec;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.testkit.ProcessLeaks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A supervisor JVM killed with SIGKILL, then {@code up} again: no duplicates, no leftovers. */
class LeftoversTest extends SupervisorHarness {
    /** Makes each test's commands unique on a machine where other builds run {@code sleep} too. */
    private final String token = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    private Process crashable;

    @AfterEach
    void killCrashable() throws InterruptedException {
        if (crashable != null && crashable.isAlive()) {
            crashable.destroyForcibly().waitFor();
        }
    }

    private Path state() {
        return dir.resolve(".pitstop");
    }

    private List<RunLedger.Entry> recorded() {
        return RunLedger.read(state()).map(RunLedger.Snapshot::processes).orElse(List.of());
    }

    private void startCrashable(String... processes) throws IOException {
        crashable = new ProcessBuilder(CrashableSupervisor.command(dir, processes))
                .redirectErrorStream(true).redirectOutput(dir.resolve("crashable.out").toFile()).start();
    }

    private void killCrashable9() throws InterruptedException {
        crashable.destroyForcibly(); // SIGKILL: no shutdown hook, no down()
        crashable.waitFor();
    }

    private static long count(String command) {
        return ProcessLeaks.snapshot().stream().filter(p -> !p.zombie() && p.command().equals(command)).count();
    }

    /** Alive and not a zombie (an orphan's zombie waits for whoever inherited it). */
    private static boolean alive(long pid) {
        return ProcessLeaks.snapshot().stream().anyMatch(p -> p.pid() == pid && !p.zombie());
    }

    @Test
    void upAfterTheSupervisorWasKilledStopsEveryLeftoverBeforeStarting() throws Exception {
        String a = "sleep 1000." + token;
        String b = "sleep 1001." + token;
        startCrashable("a=" + a, "b=" + b + " & wait");
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded().size() == 2 && count(a) == 1 && count(b) == 1);
        List<RunLedger.Entry> old = recorded();
        killCrashable9();
        old.forEach(e -> groups.add(e.pgid()));
        assertThat(old).allMatch(e -> alive(e.pid()));

        up(sh("a", a).build(), sh("b", b + " & wait").build());
        long newA = awaitRunning("a").pid();
        awaitRunning("b");

        assertThat(ProcessLeaks.find(old.stream().map(RunLedger.Entry::pgid).toList()))
                .noneMatch(p -> old.stream().anyMatch(e -> e.pgid() == p.pgrp()));
        assertThat(count(a)).isEqualTo(1);
        assertThat(count(b)).isEqualTo(1);
        assertThat(newA).isNotIn(old.stream().map(RunLedger.Entry::pid).toList());
        RunLedger.Entry oldA = old.stream().filter(e -> e.name().equals("a")).findFirst().orElseThrow();
        assertThat(events(EventType.LEFTOVER_STOPPED, "a")).anySatisfy(e -> assertThat(e.detail())
                .contains("leftover of an earlier run", "pid " + oldA.pid(), a));
    }

    @Test
    void upAfterTheSupervisorWasKilledInTheMiddleOfAReloadEndsWithOneProcess() throws Exception {
        String a = "sleep 1002." + token;
        Files.createFile(dir.resolve("a.ready"));
        startCrashable("a=" + a, "--gated=a");
        Path journal = state().resolve("events.jsonl");
        // the ledger is written after the event, by its own writer: wait for both (failed once in CI on posix)
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(journal)
                && Files.readString(journal).contains("\"HEALTH_CHANGED\",\"process\":\"a\",\"detail\":\"Ready\"")
                && recorded().size() == 1);
        long first = recorded().get(0).pid();
        Files.delete(dir.resolve("a.ready")); // the new run never becomes ready: the swap is still going on
        OutputStream stdin = crashable.getOutputStream();
        stdin.write("reload a\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(journal).contains("(reload)")
                && recorded().size() == 1 && recorded().get(0).pid() != first);
        RunLedger.Entry swapping = recorded().get(0);
        killCrashable9();
        groups.add(swapping.pgid());
        assertThat(count(a)).isEqualTo(1);

        Files.createFile(dir.resolve("a.ready"));
        up(sh("a", a).readinessProbe(new ProbeSpec(new ProbeSpec.Exec("test -f a.ready", null),
                Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(1), 1, 1))
                .build());
        awaitRunning("a");
        await().atMost(Duration.ofSeconds(15)).until(() -> supervisor.status("a").health() == Health.READY);

        assertThat(count(a)).isEqualTo(1);
        assertThat(alive(swapping.pid())).isFalse();
    }

    @Test
    void theLedgerListsWhatRunsAndIsEmptyAfterDown() {
        ProcessSpec a = sh("a", "sleep 1003." + token).build();
        up(a);
        long pid = awaitRunning("a").pid();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorded().stream().anyMatch(e -> e.pid() == pid
                && e.name().equals("a") && e.command().equals("sleep 1003." + token) && e.startTicks() > 0));

        supervisor.down();
        supervisor.close();

        assertThat(recorded()).isEmpty();
    }
}
