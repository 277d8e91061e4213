package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.Availability;
import dev.pitstop.core.stack.ProbeSpec;
import dev.pitstop.core.stack.RestartPolicy;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestartTest extends SupervisorHarness {

    @Test
    void onFailureRestartsUpToMaxRestartsWithExponentialBackoff() {
        up(sh("crash", "echo crashing; exit 2")
                .availability(new Availability(RestartPolicy.ON_FAILURE,
                        Duration.ofMillis(100), 3, false, false, true)).build());

        awaitState("crash", ProcessState.ERROR);
        await().atMost(Duration.ofSeconds(5)).until(() -> events(EventType.PROCESS_EXITED, "crash").size() == 4);
        assertThat(supervisor.status("crash").restarts()).isEqualTo(3);
        assertThat(supervisor.status("crash").exitCode()).isEqualTo(2);
        List<String> delays = events(EventType.STATE_CHANGED, "crash").stream().map(Event::detail)
                .filter(d -> d.startsWith("Restarting")).toList();
        assertThat(delays).containsExactly("Restarting: exit code 2; restart 1 in 100 ms",
                "Restarting: exit code 2; restart 2 in 200 ms", "Restarting: exit code 2; restart 3 in 400 ms");
        assertThat(supervisor.logs("crash", 10)).extracting(l -> l.text()).containsOnly("crashing");
    }

    @Test
    void backoffIsCappedAndResetsAfterTheProcessStayedUp() throws Exception {
        // a reset window far above a fast failure, even on a loaded machine
        SupervisorConfig config = FAST.withBackoff(Duration.ofMillis(300), Duration.ofMillis(2000));
        // fails fast twice, then stays up past the reset window once, then fails fast again
        String script = "n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count;"
                + " if [ $n -eq 3 ]; then sleep 2.5; fi; exit 1";
        up(config, stack(sh("flaky", script)
                .availability(new Availability(RestartPolicy.ALWAYS,
                        Duration.ofMillis(100), 5, false, false, true)).build()));

        awaitState("flaky", ProcessState.ERROR);
        List<String> delays = events(EventType.STATE_CHANGED, "flaky").stream().map(Event::detail)
                .filter(d -> d.startsWith("Restarting")).map(d -> d.substring(d.lastIndexOf(" in ") + 4)).toList();
        assertThat(delays).containsExactly("100 ms", "200 ms", "300 ms", "100 ms", "200 ms");
    }

    @Test
    void restartingTheOnlyProcessDoesNotEndTheStack() {
        up(sh("only", "exec sleep 1000").build());
        long pid = awaitState("only", ProcessState.RUNNING).pid();
        supervisor.restart("only");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("only").pid() != pid
                && supervisor.status("only").state() == ProcessState.RUNNING);
        assertThat(supervisor.ended()).as("a restart is not the end of the project").isNotDone();
        supervisor.stop("only");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.ended().isDone());
    }

    @Test
    void backoffSecondsIsAFixedDelayAsInProcessCompose() {
        up(sh("crash", "exit 2").availability(new Availability(RestartPolicy.ON_FAILURE,
                Duration.ofMillis(300), 3)).build());

        awaitState("crash", ProcessState.ERROR);
        assertThat(events(EventType.STATE_CHANGED, "crash").stream().map(Event::detail)
                .filter(d -> d.startsWith("Restarting")).map(d -> d.substring(d.lastIndexOf(" in ") + 4)).toList())
                .containsExactly("300 ms", "300 ms", "300 ms");
    }

    @Test
    void backoffSecondsZeroRestartsTheFirstCrashAtOnceAndSlowsDownOnlyConsecutiveOnes() {
        up(sh("crash", "exit 2").availability(new Availability(RestartPolicy.ON_FAILURE, Duration.ZERO, 4)).build());

        awaitState("crash", ProcessState.ERROR);
        assertThat(events(EventType.PROCESS_EXITED, "crash")).hasSize(5);
        assertThat(restartDelays("crash")).containsExactly("0 ms", "50 ms", "100 ms", "200 ms");
    }

    @Test
    void theFloorAndTheResetWindowArePerProcess() {
        // runs 1, 2 and 4 crash at once, run 3 stays up past the 1 s reset window: crash 3 starts a new series
        String script = "n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count;"
                + " if [ $n -eq 2 ]; then sleep 2; fi; exit 1";
        up(sh("flaky", script).availability(new Availability(RestartPolicy.ALWAYS, Duration.ZERO, 3, false, false, false,
                Duration.ofMillis(20), Duration.ofSeconds(1))).build());

        awaitState("flaky", ProcessState.ERROR);
        assertThat(restartDelays("flaky")).containsExactly("0 ms", "20 ms", "0 ms");
    }

    private List<String> restartDelays(String name) {
        return events(EventType.STATE_CHANGED, name).stream().map(Event::detail)
                .filter(d -> d.startsWith("Restarting")).map(d -> d.substring(d.lastIndexOf(" in ") + 4)).toList();
    }

    @Test
    void aLongBackoffIsNotCapped() {
        up(sh("crash", "exit 2").availability(new Availability(RestartPolicy.ON_FAILURE,
                Duration.ofSeconds(300), 0)).build());
        awaitState("crash", ProcessState.RESTARTING);
        assertThat(events(EventType.STATE_CHANGED, "crash")).extracting(Event::detail)
                .contains("Restarting: exit code 2; restart 1 in 300000 ms");
    }

    @Test
    void successExitCodesDecideWhatAFailureIs() {
        up(sh("three", "exit 3").successExitCodes(Set.of(3))
                .availability(new Availability(RestartPolicy.ON_FAILURE, Duration.ofMillis(100), 0)).build());
        assertThat(awaitState("three", ProcessState.COMPLETED).restarts()).isZero();
    }

    @Test
    void alwaysRestartsEvenAfterSuccess() {
        up(sh("tick", "exit 0").availability(new Availability(RestartPolicy.ALWAYS, Duration.ofMillis(50), 2)).build());
        awaitState("tick", ProcessState.COMPLETED);
        assertThat(supervisor.status("tick").restarts()).isEqualTo(2);
    }

    @Test
    void exitOnFailureNeverRestartsAndBringsTheWholeStackDownWithTheExitCode() throws Exception {
        up(sh("other", "sleep 1000").build(),
                sh("fatal", "sleep 0.2; exit 42").availability(new Availability(RestartPolicy.EXIT_ON_FAILURE,
                        Duration.ofMillis(50), 1))
                        .build());
        long other = awaitRunning("other").pid();

        assertThat(supervisor.awaitDown(Duration.ofSeconds(20))).isTrue();

        assertThat(supervisor.exitCode()).isEqualTo(42);
        assertThat(supervisor.status("fatal").restarts()).isZero();
        assertThat(supervisor.status("other").pid()).isZero();
        assertThat(ProcessHandle.of(other).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        awaitEvent(EventType.STACK_STOPPED, null);
    }

    @Test
    void exitOnEndAndExitOnSkippedEndTheStackWithProcessComposesExitCodes() throws Exception {
        up(sh("tests", "exit 130").successExitCodes(Set.of(0, 130))
                .availability(new Availability(RestartPolicy.NO, Duration.ofSeconds(1), 0, true, false, false)).build(),
                sh("server", "sleep 1000").build());
        assertThat(supervisor.awaitDown(Duration.ofSeconds(20))).isTrue();
        assertThat(supervisor.exitCode()).as("130 is a success exit code, so the stack ends with 0").isZero();
    }

    @Test
    void aFailingLivenessProbeStopsTheProcessAndOnlyTheRestartPolicyRestartsIt() throws Exception {
        // the finding: a failing liveness probe with restart "no" made 393 restarts in 6 s
        ProbeSpec liveness = new ProbeSpec(new ProbeSpec.Exec("test ! -e dead", null),
                Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1), 1, 1);
        Files.writeString(dir.resolve("dead"), "");
        up(sh("norestart", "sleep 1000").livenessProbe(liveness).build(),
                sh("always", "sleep 1000").livenessProbe(liveness)
                        .availability(new Availability(RestartPolicy.ALWAYS, Duration.ofMillis(500), 0)).build());

        awaitState("norestart", ProcessState.ERROR);
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("always").restarts() >= 2);
        Files.delete(dir.resolve("dead"));

        assertThat(supervisor.status("norestart").restarts()).isZero();
        assertThat(supervisor.status("norestart").pid()).isZero();
        List<String> delays = events(EventType.STATE_CHANGED, "always").stream().map(Event::detail)
                .filter(d -> d.startsWith("Restarting")).toList();
        assertThat(delays).isNotEmpty().allSatisfy(d -> assertThat(d).endsWith(" in 500 ms"));
        awaitRunning("always");
        assertThat(events(EventType.WARNING, "norestart")).extracting(Event::detail)
                .anyMatch(d -> d.startsWith("liveness probe failed"));
    }

    @Test
    void stopCancelsAPendingRestart() {
        up(sh("crash", "exit 1").availability(new Availability(RestartPolicy.ON_FAILURE,
                Duration.ofSeconds(30), 0)).build());
        awaitState("crash", ProcessState.RESTARTING);

        supervisor.stop("crash");

        assertThat(supervisor.status("crash").state()).isEqualTo(ProcessState.COMPLETED);
    }
}
