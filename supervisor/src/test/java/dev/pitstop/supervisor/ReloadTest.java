package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.stack.DependencyCondition;
import dev.pitstop.core.stack.DependencyReloadPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReloadTest extends SupervisorHarness {

    @Test
    void reloadRunsTheBinaryThatIsOnDiskNow() throws Exception {
        Path bin = dir.resolve("svc");
        Files.copy(Path.of("/bin/sleep"), bin);
        up(dev.pitstop.core.stack.ProcessSpec.builder("svc").entrypoint(List.of(bin.toString(), "1000"))
                .shutdown(QUICK_STOP).build(), sh("other", "sleep 1000").build());
        long oldPid = awaitRunning("svc").pid();
        long other = awaitRunning("other").pid();
        Sha256 before = Sha256.ofFile(bin);

        // a different binary moved over the old one, as a deploy does: same program plus trailing bytes
        Path next = dir.resolve("svc.new");
        Files.copy(Path.of("/bin/sleep"), next);
        Files.writeString(next, "pitstop v2", StandardOpenOption.APPEND);
        Files.move(next, bin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        ReloadResult result = supervisor.reload("svc");

        assertThat(result.oldPid()).isEqualTo(oldPid);
        assertThat(result.newPid()).isNotEqualTo(oldPid).isEqualTo(supervisor.status("svc").pid());
        groups.add(result.newPid());
        if (posix()) {
            assertThat(result.executable()).isNull(); // POSIX offers no way to learn a process's executable
        } else {
            assertThat(result.executable()).isEqualTo(Sha256.ofFile(bin)).isNotEqualTo(before);
        }
        assertThat(supervisor.status("other").pid()).isEqualTo(other);
    }

    @Test
    void tenConsecutiveReloadsAllSucceedAndAreJournaled() throws Exception {
        up(sh("svc", "echo up; exec sleep 1000").readyLogLine("^up$").build());
        awaitRunning("svc");

        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pids.add(supervisor.reload("svc").newPid());
        }
        groups.addAll(pids);

        assertThat(pids).doesNotHaveDuplicates();
        assertThat(supervisor.status("svc").state()).isEqualTo(ProcessState.RUNNING);
        supervisor.close();
        assertThat(journal("svc")).filteredOn(t -> t.startsWith("RELOAD"))
                .containsExactlyElementsOf(java.util.Collections.nCopies(10, List.of("RELOAD_STARTED", "RELOAD_SUCCEEDED"))
                        .stream().flatMap(List::stream).toList());
    }

    @Test
    void reloadsOfDifferentProcessesRunInParallel() throws Exception {
        up(sh("a", "sleep 1000").build(), sh("b", "sleep 1000").build(), sh("c", "sleep 1000").build(),
                sh("bystander", "sleep 1000").build());
        List<String> names = List.of("a", "b", "c");
        names.forEach(this::awaitRunning);
        long bystander = awaitRunning("bystander").pid();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ReloadResult>> results = new ArrayList<>();
            names.forEach(n -> results.add(pool.submit(() -> supervisor.reload(n))));
            for (Future<ReloadResult> r : results) {
                groups.add(r.get(30, TimeUnit.SECONDS).newPid());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(supervisor.ps()).allMatch(s -> s.state() == ProcessState.RUNNING);
        assertThat(supervisor.status("bystander").pid()).isEqualTo(bystander);
        supervisor.close();
        for (String n : names) {
            assertThat(journal(n)).filteredOn(t -> t.startsWith("RELOAD"))
                    .containsExactly("RELOAD_STARTED", "RELOAD_SUCCEEDED");
        }
    }

    @Test
    void concurrentReloadsOfOneNameShareOneAttempt() throws Exception {
        up(sh("slow", "while [ ! -e go ]; do sleep 0.05; done; echo ready; exec sleep 1000").readyLogLine("ready")
                .build());
        Files.writeString(dir.resolve("go"), "");
        awaitRunning("slow");
        Files.delete(dir.resolve("go"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ReloadResult> first = pool.submit(() -> supervisor.reload("slow"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events(EventType.RELOAD_STARTED, "slow").size() == 1
                    && supervisor.status("slow").state() == ProcessState.RUNNING);
            java.util.concurrent.atomic.AtomicReference<Thread> waiter = new java.util.concurrent.atomic.AtomicReference<>();
            Future<ReloadResult> second = pool.submit(() -> {
                waiter.set(Thread.currentThread());
                return supervisor.reload("slow");
            });
            // the second caller is parked on the first caller's result
            await().atMost(Duration.ofSeconds(10)).until(() -> waiter.get() != null
                    && waiter.get().getState() == Thread.State.TIMED_WAITING);
            Files.writeString(dir.resolve("go"), "");

            ReloadResult a = first.get(30, TimeUnit.SECONDS);
            ReloadResult b = second.get(30, TimeUnit.SECONDS);
            groups.add(a.newPid());
            assertThat(b).isSameAs(a);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(EventType.RELOAD_STARTED, "slow")).hasSize(1);
    }

    @Test
    void aStopDuringAReloadWins() throws Exception {
        up(sh("svc", "echo started; exec sleep 1000").readyLogLine("never printed").reloadTimeout(Duration.ofSeconds(20)).build());
        long old = awaitRunning("svc").pid();

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ReloadResult> reload = pool.submit(() -> supervisor.reload("svc"));
            await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").pid() > 0
                    && supervisor.status("svc").pid() != old);
            groups.add(supervisor.status("svc").pid());

            supervisor.stop("svc");

            assertThatThrownBy(() -> reload.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ReloadFailedException.class)
                    .cause().hasMessageContaining("stopped during the reload");
        } finally {
            pool.shutdownNow();
        }
        assertThat(supervisor.status("svc").state()).isEqualTo(ProcessState.COMPLETED);
        assertThat(supervisor.status("svc").pid()).isZero();
        awaitEvent(EventType.RELOAD_FAILED, "svc");
        assertThat(events(EventType.RELOAD_FAILED, "svc")).hasSize(1);
    }

    @Test
    void aNewProcessThatExitsFailsTheReloadWithItsExitCodeAndLastLines() throws Exception {
        up(sh("svc", "if [ -e broken ]; then echo 'config error: bad port'; exit 1; fi; exec sleep 1000").build());
        awaitRunning("svc");
        Files.writeString(dir.resolve("broken"), "");

        assertThatThrownBy(() -> supervisor.reload("svc")).isInstanceOfSatisfying(ReloadFailedException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.lastLogLines()).contains("config error: bad port");
            assertThat(e.getMessage()).contains("exited before it was ready");
        });
        assertThat(supervisor.status("svc").state()).isEqualTo(ProcessState.ERROR);
        assertThat(supervisor.status("svc").pid()).isZero();

        // the rollback: the engine puts the previous binary back and reloads again
        Files.delete(dir.resolve("broken"));
        groups.add(supervisor.reload("svc").newPid());
        assertThat(supervisor.status("svc").state()).isEqualTo(ProcessState.RUNNING);
    }

    @Test
    void aNewProcessThatIsNeverReadyFailsAtTheDeadline() throws Exception {
        up(sh("svc", "if [ ! -e mute ]; then echo ready; fi; exec sleep 1000").readyLogLine("ready")
                .reloadTimeout(Duration.ofMillis(700)).build());
        awaitRunning("svc");
        Files.writeString(dir.resolve("mute"), "");

        assertThatThrownBy(() -> supervisor.reload("svc")).isInstanceOfSatisfying(ReloadFailedException.class, e -> {
            assertThat(e.exitCode()).isNull();
            assertThat(e.getMessage()).contains("not ready within 700 ms");
        });
        assertThat(supervisor.status("svc").state()).isEqualTo(ProcessState.ERROR);
        assertThat(supervisor.status("svc").pid()).isZero();
    }

    @Test
    void dependentsFollowTheirOnDependencyReloadPolicy() {
        up(sh("db", "sleep 1000").build(),
                sh("restarts", "sleep 1000").dependsOn("db", DependencyCondition.PROCESS_STARTED)
                        .onDependencyReload(DependencyReloadPolicy.RESTART).build(),
                sh("ignores", "sleep 1000").dependsOn("db", DependencyCondition.PROCESS_STARTED).build());
        awaitRunning("db");
        long restarts = awaitRunning("restarts").pid();
        long ignores = awaitRunning("ignores").pid();

        ReloadResult result = supervisor.reload("db");
        groups.add(result.newPid());

        long restarted = awaitRunning("restarts").pid();
        assertThat(restarted).isNotEqualTo(restarts);
        assertThat(supervisor.status("ignores").pid()).isEqualTo(ignores);
        awaitEvent(EventType.PROCESS_EXITED, "restarts");
        long dbReady = events(EventType.RELOAD_SUCCEEDED, "db").get(0).seq();
        assertThat(events(EventType.PROCESS_EXITED, "restarts")).extracting(Event::seq).allMatch(s -> s > dbReady);
    }

    @Test
    void aDependencyAndItsRestartDependentReloadedTogetherBothSucceed() throws Exception {
        // app needs half a second to be ready, so db's whole reload happens inside app's
        up(sh("db", "exec sleep 1000").build(),
                sh("app", "sleep 0.5; echo started; exec sleep 1000").readyLogLine("started")
                        .dependsOn("db", DependencyCondition.PROCESS_STARTED)
                        .onDependencyReload(DependencyReloadPolicy.RESTART).build());
        awaitRunning("db");
        awaitRunning("app");

        // the drill's finding: the dependency's cascade stopped the dependent as a user would, and the
        // dependent's own reload then failed with "stopped during the reload"
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ReloadResult> app = pool.submit(() -> supervisor.reload("app"));
            Future<ReloadResult> db = pool.submit(() -> supervisor.reload("db"));
            groups.add(db.get(30, TimeUnit.SECONDS).newPid());
            groups.add(app.get(30, TimeUnit.SECONDS).newPid());
        } finally {
            pool.shutdownNow();
        }
        long app = awaitRunning("app").pid();
        groups.add(app);
        assertThat(events(EventType.RELOAD_FAILED, "app")).isEmpty();
        assertThat(supervisor.status("app").state()).isEqualTo(ProcessState.RUNNING);
    }

    /** The event types of one process, read back from events.jsonl. */
    private List<String> journal(String process) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(".pitstop/events.jsonl"))) {
            JsonNode node = json.readTree(line);
            if (process.equals(node.get("process").asText())) {
                types.add(node.get("type").asText());
            }
        }
        return types;
    }

    @Test
    void aDependentPendingOnAReloadedDependencyStartsOnceTheNewOneIsHealthy() throws Exception {
        up(sh("db", "exec sleep 1000").readinessProbe(new dev.pitstop.core.stack.ProbeSpec(
                        new dev.pitstop.core.stack.ProbeSpec.Exec("test -f db.ready", null), Duration.ZERO,
                        Duration.ofMillis(50), Duration.ofSeconds(1), 1, 1000)).build(),
                sh("app", "exec sleep 1000").dependsOn("db", DependencyCondition.PROCESS_HEALTHY).build());
        awaitRunning("db");
        assertThat(supervisor.status("app").state()).isEqualTo(ProcessState.PENDING);

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ReloadResult> reload = pool.submit(() -> supervisor.reload("db"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events(EventType.STATE_CHANGED, "db").stream()
                    .anyMatch(e -> e.detail().contains("(reload)")));
            assertThat(supervisor.status("app").state()).isEqualTo(ProcessState.PENDING);
            Files.createFile(dir.resolve("db.ready"));

            groups.add(reload.get(15, TimeUnit.SECONDS).newPid());
        } finally {
            pool.shutdownNow();
        }
        awaitRunning("app");
        assertThat(events(EventType.STATE_CHANGED, "app")).noneMatch(e -> e.detail().startsWith("Skipped"));
        assertThat(events(EventType.STATE_CHANGED, "db")).noneMatch(e -> e.detail().startsWith("Completed"));
    }

    @Test
    void reloadingAFinishedOneShotProcessRunsItAgain() {
        up(sh("once", "echo done").build());
        awaitState("once", ProcessState.COMPLETED);

        ReloadResult result = supervisor.reload("once");

        assertThat(result.newPid()).isPositive();
        assertThat(awaitState("once", ProcessState.COMPLETED).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.logs("once", 10).stream()
                .filter(l -> l.text().equals("done")).count() == 2);
        assertThat(events(EventType.RELOAD_SUCCEEDED, "once")).hasSize(1);
        assertThat(events(EventType.RELOAD_FAILED, "once")).isEmpty();
    }
}
