package dev.pitstop.supervisor;

import dev.pitstop.core.process.Signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.UnknownProcessException;
import dev.pitstop.core.stack.DependencyCondition;
import dev.pitstop.core.stack.ProbeSpec;
import dev.pitstop.core.stack.ShutdownSpec;
import dev.pitstop.testkit.ProcessLeaks;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest extends SupervisorHarness {

    @Test
    void downKillsGrandchildrenAndProcessesThatIgnoreSigterm() {
        up(sh("forker", "sleep 1000 & sleep 1000 & wait").build(),
                sh("stubborn", "trap '' TERM; sleep 1000 & wait; sleep 1000").build());
        long forker = awaitRunning("forker").pid();
        long stubborn = awaitRunning("stubborn").pid();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                ProcessLeaks.snapshot().stream().filter(p -> p.pgrp() == forker).count() == 3);

        supervisor.down();

        assertThat(ProcessLeaks.find(List.of(forker, stubborn))).isEmpty();
        assertThat(supervisor.ps()).allMatch(s -> s.pid() == 0 && s.state() == ProcessState.COMPLETED);
        assertThat(ProcessLeaks.descendantsOf(ProcessHandle.current().pid(), ProcessLeaks.snapshot()))
                .noneMatch(ProcessLeaks.ProcInfo::zombie);
    }

    @Test
    void orphansOfALeaderThatExitedOnItsOwnAreKilled() {
        up(sh("leaves-orphans", "sleep 1000 & echo forked; exit 0").build());
        awaitState("leaves-orphans", ProcessState.COMPLETED);
        long pgid = events(EventType.PROCESS_EXITED, "leaves-orphans").stream().map(e -> e.detail().split(" ")[1])
                .map(Long::parseLong).findFirst().orElseThrow();

        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessLeaks.find(List.of(pgid)).isEmpty());
        assertThat(supervisor.logs("leaves-orphans", 10)).extracting(l -> l.text()).containsExactly("forked");
    }

    @Test
    void eachProcessLeadsItsOwnGroupAndSession() {
        up(sh("a", "sleep 1000").build());
        long pid = awaitRunning("a").pid();

        ProcessLeaks.ProcInfo info = ProcessLeaks.snapshot().stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow();
        assertThat(info.pgrp()).isEqualTo(pid);
        assertThat(info.session()).isEqualTo(pid);
        assertThat(info.command()).isEqualTo("sleep 1000");
        assertThat(info.ppid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void processCompletedSuccessfullyGatesAndAFailedDependencySkips() {
        up(sh("init", "echo initialised").build(),
                sh("app", "sleep 1000").dependsOn("init", DependencyCondition.PROCESS_COMPLETED_SUCCESSFULLY).build(),
                sh("broken", "exit 3").build(),
                sh("never", "sleep 1000").dependsOn("broken", DependencyCondition.PROCESS_COMPLETED_SUCCESSFULLY).build(),
                sh("after-any", "sleep 1000").dependsOn("broken", DependencyCondition.PROCESS_COMPLETED).build());

        awaitRunning("app");
        awaitRunning("after-any");
        assertThat(awaitState("never", ProcessState.SKIPPED).pid()).isZero();
        assertThat(supervisor.status("init").state()).isEqualTo(ProcessState.COMPLETED);
        assertThat(supervisor.status("init").exitCode()).isZero();
        assertThat(supervisor.status("broken").state()).isEqualTo(ProcessState.ERROR);
        assertThat(supervisor.status("broken").exitCode()).isEqualTo(3);
        assertThat(events(EventType.STATE_CHANGED, "never")).last()
                .satisfies(e -> assertThat(e.detail()).contains("broken can never be process_completed_successfully"));
    }

    @Test
    void processLogReadyWaitsForTheLine() throws Exception {
        Files.writeString(dir.resolve("go"), "");
        up(sh("db", "while [ ! -e go2 ]; do sleep 0.05; done; echo 'database is ready'; exec sleep 1000")
                        .readyLogLine("is ready$").build(),
                sh("api", "sleep 1000").dependsOn("db", DependencyCondition.PROCESS_LOG_READY).build());
        awaitRunning("db");
        assertThat(supervisor.status("db").health()).isEqualTo(Health.NOT_READY);
        assertThat(supervisor.status("api").state()).isEqualTo(ProcessState.PENDING);

        Files.move(dir.resolve("go"), dir.resolve("go2"));

        awaitRunning("api");
        assertThat(supervisor.status("db").health()).isEqualTo(Health.READY);
    }

    @Test
    void processHealthyWaitsForAnHttpReadinessProbe() throws Exception {
        int port = freePort();
        ProbeSpec probe = new ProbeSpec(new ProbeSpec.HttpGet("http", "127.0.0.1", port, "/", Map.of()),
                Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1), 1, 2);
        up(sh("web", "sleep 0.5; exec python3 -m http.server --bind 127.0.0.1 " + port).readinessProbe(probe).build(),
                sh("client", "sleep 1000").dependsOn("web", DependencyCondition.PROCESS_HEALTHY).build());
        awaitRunning("web");

        awaitRunning("client");
        assertThat(supervisor.status("web").health()).isEqualTo(Health.READY);
        List<String> healthOfWeb = events(EventType.HEALTH_CHANGED, "web").stream().map(e -> e.detail()).toList();
        assertThat(healthOfWeb).containsSubsequence("Not Ready", "Ready");
        long readyAt = events(EventType.HEALTH_CHANGED, "web").stream().filter(e -> e.detail().equals("Ready"))
                .findFirst().orElseThrow().seq();
        long clientAt = events(EventType.STATE_CHANGED, "client").stream()
                .filter(e -> e.detail().startsWith("Running")).findFirst().orElseThrow().seq();
        assertThat(clientAt).isGreaterThan(readyAt);
    }

    @Test
    void readinessIsCheckedAfterReadyTooAndFailingItStopsTheProcessForTheRestartPolicy() throws Exception {
        // as in Process Compose: failure_threshold failures in a row stop the process; availability decides
        ProbeSpec probe = new ProbeSpec(new ProbeSpec.Exec("test ! -e sick", null),
                Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1), 1, 1);
        up(sh("svc", "sleep 1000").readinessProbe(probe)
                .availability(new dev.pitstop.core.stack.Availability(dev.pitstop.core.stack.RestartPolicy.ALWAYS,
                        Duration.ofMillis(200), 0)).build());
        long first = awaitRunning("svc").pid();
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").health() == Health.READY);

        Files.writeString(dir.resolve("sick"), "");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").restarts() == 1);
        Files.delete(dir.resolve("sick"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events(EventType.HEALTH_CHANGED, "svc").stream().map(e -> e.detail()).toList())
                        .containsSubsequence("Not Ready", "Ready", "Not Ready", "Ready"));
        assertThat(supervisor.status("svc").health()).isEqualTo(Health.READY);
        assertThat(awaitRunning("svc").pid()).isNotEqualTo(first);
    }

    @Test
    void tcpProbeMakesAProcessHealthy() throws Exception {
        int port = freePort();
        ProbeSpec probe = new ProbeSpec(new ProbeSpec.Tcp("127.0.0.1", port),
                Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1), 1, 3);
        up(sh("tcp", "exec python3 -m http.server --bind 127.0.0.1 " + port).readinessProbe(probe).build());
        awaitRunning("tcp");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("tcp").health() == Health.READY);
    }

    @Test
    void disabledProcessesAreNotStartedAndEnvironmentAndWorkingDirApply() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        up(sh("off", "sleep 1000").disabled(true).build(),
                sh("env", "echo \"$GREETING from $PWD\"").workingDir(dir.resolve("work")).env("GREETING", "hello")
                        .build());
        awaitState("env", ProcessState.COMPLETED);

        assertThat(supervisor.status("off").state()).isEqualTo(ProcessState.DISABLED);
        assertThat(supervisor.status("off").pid()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> !supervisor.logs("env", 10).isEmpty());
        assertThat(supervisor.logs("env", 10).get(0).text()).isEqualTo("hello from " + dir.resolve("work"));
    }

    @Test
    void entrypointRunsWithoutAShellAndStopStartRestartWork() {
        up(dev.pitstop.core.stack.ProcessSpec.builder("e").entrypoint(List.of("sleep", "1000"))
                .shutdown(new ShutdownSpec(null, new Signal(15), Duration.ofSeconds(1), true)).build());
        long first = awaitRunning("e").pid();

        supervisor.stop("e");
        ProcessStatus stopped = supervisor.status("e");
        assertThat(stopped.state()).isEqualTo(ProcessState.COMPLETED);
        assertThat(stopped.pid()).isZero();

        supervisor.start("e");
        long second = awaitRunning("e").pid();
        supervisor.restart("e");
        long third = awaitRunning("e").pid();
        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
    }

    @Test
    void shutdownCommandStopsTheProcess() throws Exception {
        up(sh("svc", "while [ ! -e stop-now ]; do sleep 0.05; done")
                .shutdown(new ShutdownSpec("touch stop-now", new Signal(15), Duration.ofSeconds(5), false)).build());
        awaitRunning("svc");

        supervisor.stop("svc");

        assertThat(Files.exists(dir.resolve("stop-now"))).isTrue();
        assertThat(supervisor.status("svc").exitCode()).isZero();
    }

    @Test
    void orderedShutdownStopsDependentsFirst() {
        dev.pitstop.core.stack.Stack base = stack(sh("db", "sleep 1000").build(),
                sh("api", "sleep 1000").dependsOn("db", DependencyCondition.PROCESS_STARTED).build());
        up(FAST, new dev.pitstop.core.stack.Stack(base.file(), base.processes(), Map.of(), Map.of(), null,
                null, true, false, List.of()));
        awaitRunning("api");

        supervisor.down();
        awaitEvent(EventType.STACK_STOPPED, null);

        long apiExit = events(EventType.PROCESS_EXITED, "api").get(0).seq();
        long dbTerminating = events(EventType.STATE_CHANGED, "db").stream()
                .filter(e -> e.detail().startsWith("Terminating")).findFirst().orElseThrow().seq();
        assertThat(dbTerminating).isGreaterThan(apiExit);
    }

    @Test
    void unknownNamesAreReported() {
        up(sh("a", "sleep 1000").build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> supervisor.status("nope"))
                .isInstanceOf(UnknownProcessException.class).hasMessageContaining("nope");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> supervisor.reload("nope"))
                .isInstanceOf(UnknownProcessException.class);
    }

    @Test
    void aMissingWorkingDirIsNamedInsteadOfTheSetsidItWasStartedWith() {
        up(sh("web", "sleep 1000").workingDir(dir.resolve("nowhere")).build());

        awaitState("web", ProcessState.ERROR);
        assertThat(events(EventType.STATE_CHANGED, "web")).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("Error: cannot start: working_dir " + dir.resolve("nowhere") + " does not exist"));
    }
}
