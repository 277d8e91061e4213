package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 C9: reloads are locked per process, not per engine. Each process here becomes ready only when the
 * test opens its gate, so a reload stays in flight exactly as long as the test wants.
 */
class ConcurrentReloadTest {
    private static final String YAML = """
            processes:
              a:
                command: "exec sleep 1000"
                readiness_probe: %s
                reload_timeout_seconds: 30
              b:
                command: "exec sleep 1000"
                readiness_probe: %s
                reload_timeout_seconds: 30
            """.formatted(ScriptStack.gatedProbe("a"), ScriptStack.gatedProbe("b"));

    @TempDir
    java.nio.file.Path tempDir;

    @Test
    void reloadsOfDifferentProcessesRunInParallelAndReadsNeverWait() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ScriptStack stack = new ScriptStack(tempDir, YAML)) {
            stack.gate("a");
            stack.gate("b");
            Engine engine = stack.up("a", "b");
            stack.closeGate("a");
            stack.closeGate("b");

            Future<ReloadResult> a = pool.submit(() -> engine.reload("a"));
            Future<ReloadResult> b = pool.submit(() -> engine.reload("b"));

            // both are in flight at once: neither waits for the other to become ready
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    stack.events(EventType.RELOAD_STARTED, "a").size() == 1
                            && stack.events(EventType.RELOAD_STARTED, "b").size() == 1);
            List<ProcessStatus> during = engine.ps();
            assertThat(during).extracting(ProcessStatus::name).containsExactly("a", "b");
            assertThat(a.isDone() || b.isDone()).as("still waiting for readiness").isFalse();

            stack.gate("a");
            stack.gate("b");
            stack.track(a.get(20, TimeUnit.SECONDS).newPid());
            stack.track(b.get(20, TimeUnit.SECONDS).newPid());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentReloadsOfOneProcessShareOneAttempt() throws Exception {
        int callers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (ScriptStack stack = new ScriptStack(tempDir, YAML)) {
            stack.gate("a");
            stack.gate("b");
            Engine engine = stack.up("a", "b");
            long before = stack.pid("a");
            stack.closeGate("a");

            List<Thread> threads = new ArrayList<>();
            List<Future<ReloadResult>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    synchronized (threads) {
                        threads.add(Thread.currentThread());
                    }
                    return engine.reload("a");
                }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !stack.events(EventType.RELOAD_STARTED, "a").isEmpty());
            // every caller has arrived and waits (for the shared attempt, or, before issue 9, for a lock)
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                synchronized (threads) {
                    return threads.size() == callers && threads.stream().allMatch(t ->
                            t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING
                                    || t.getState() == Thread.State.BLOCKED);
                }
            });
            stack.gate("a");

            List<Long> newPids = new ArrayList<>();
            for (Future<ReloadResult> r : results) {
                newPids.add(r.get(30, TimeUnit.SECONDS).newPid());
            }
            newPids.forEach(stack::track);
            assertThat(newPids).as("one attempt, one new process").containsOnly(newPids.get(0));
            assertThat(newPids.get(0)).isNotEqualTo(before);
            assertThat(stack.events(EventType.RELOAD_STARTED, "a")).hasSize(1);
            assertThat(stack.pid("b")).as("the other process was not touched").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}
