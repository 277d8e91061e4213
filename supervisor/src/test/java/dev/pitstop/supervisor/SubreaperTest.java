package dev.pitstop.supervisor;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.testkit.ProcessLeaks;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What leaves its process group with setsid, or is orphaned by a double fork, is stopped and reaped too. */
class SubreaperTest extends SupervisorHarness {
    private final String token = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

    private static long alive(String command) {
        return ProcessLeaks.snapshot().stream().filter(p -> !p.zombie() && p.command().equals(command)).count();
    }

    private static void assertNoZombieChildren() {
        assertThat(ProcessLeaks.descendantsOf(ProcessHandle.current().pid(), ProcessLeaks.snapshot()))
                .noneMatch(ProcessLeaks.ProcInfo::zombie);
    }

    @Test
    void downStopsAGrandchildThatCalledSetsid() {
        String escaped = "sleep 1004." + token;
        up(sh("parent", "setsid " + escaped + " & wait").build());
        awaitRunning("parent");
        await().atMost(Duration.ofSeconds(10)).until(() -> alive(escaped) == 1);

        supervisor.down();

        assertThat(alive(escaped)).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(SubreaperTest::assertNoZombieChildren);
    }

    @Test
    void downStopsAndReapsADoubleForkedDaemon() {
        String daemon = "sleep 1005." + token;
        up(sh("forks", "(setsid " + daemon + " &); exec sleep 1000").build());
        awaitRunning("forks");
        await().atMost(Duration.ofSeconds(10)).until(() -> alive(daemon) == 1);

        supervisor.down();

        assertThat(alive(daemon)).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(SubreaperTest::assertNoZombieChildren);
    }

    @Test
    void aServiceThatExitsTakesWhatItLeftOutsideItsGroupAlong() {
        String escaped = "sleep 1006." + token;
        up(sh("leaves", "setsid " + escaped + " & sleep 0.5; exit 0").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> alive(escaped) == 1);
        awaitState("leaves", ProcessState.COMPLETED);

        await().atMost(Duration.ofSeconds(10)).until(() -> alive(escaped) == 0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(SubreaperTest::assertNoZombieChildren);
    }

    @Test
    void stopReachesWhatLeftTheGroupAndGivesItTheSignalFirst() {
        String escaped = "sleep 1007." + token;
        up(sh("parent", "setsid bash -c 'trap \"echo got-term >> term.txt; exit 0\" TERM; " + escaped + " & wait' & wait")
                .build());
        awaitRunning("parent");
        await().atMost(Duration.ofSeconds(10)).until(() -> alive(escaped) == 1);

        supervisor.stop("parent");

        assertThat(alive(escaped)).isZero();
        assertThat(dir.resolve("term.txt")).hasContent("got-term");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(SubreaperTest::assertNoZombieChildren);
    }

    @Test
    void aDaemonThatForksAwayIsTheProcessUntilItIsStopped() {
        String daemon = "sleep 1008." + token;
        up(sh("d", "(setsid " + daemon + " &); exit 0").daemon(true).build());
        awaitEvent(EventType.STATE_CHANGED, "d");
        await().atMost(Duration.ofSeconds(10)).until(() -> events(EventType.STATE_CHANGED, "d").stream()
                .anyMatch(e -> e.detail().startsWith("Running: daemon pid")));
        ProcessStatus running = supervisor.status("d");
        groups.add(running.pid());

        assertThat(running.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(ProcessLeaks.snapshot()).anyMatch(p -> p.pid() == running.pid() && p.command().equals(daemon));
        assertThat(alive(daemon)).isEqualTo(1);

        supervisor.stop("d");

        assertThat(alive(daemon)).isZero();
        assertThat(supervisor.status("d").state()).isEqualTo(ProcessState.COMPLETED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(SubreaperTest::assertNoZombieChildren);
    }

    @Test
    void aDaemonThatExitsEndsTheRunWithItsExitCode() {
        assumeFalse(posix(), "no subreaper on the posix platform: init reaps the daemon, its exit code is lost");
        up(sh("d", "(setsid bash -c 'sleep 0.5; exit 3' &); exit 0").daemon(true).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> events(EventType.STATE_CHANGED, "d").stream()
                .anyMatch(e -> e.detail().startsWith("Running: daemon pid")));

        ProcessStatus done = awaitState("d", ProcessState.ERROR);

        assertThat(done.exitCode()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(SubreaperTest::assertNoZombieChildren);
    }

    @Test
    void aDaemonLauncherThatFailsIsAnError() {
        up(sh("d", "exit 4").daemon(true).build());

        assertThat(awaitState("d", ProcessState.ERROR).exitCode()).isEqualTo(4);
    }
}
