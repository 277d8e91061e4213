package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.testkit.ProcessLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hundreds of children: all start, all stop, nothing leaks. Figures are logged, not asserted. */
class ScaleTest extends SupervisorHarness {
    private static final Logger LOG = LoggerFactory.getLogger(ScaleTest.class);
    private static final int COUNT = 500;

    @Test
    void fiveHundredChildrenStartAndStopCleanly() throws Exception {
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            specs.add(ProcessSpec.builder("p" + i).entrypoint(List.of("sleep", "1000")).shutdown(QUICK_STOP).build());
        }
        long begin = System.nanoTime();
        up(FAST, Stack.of(dir, specs));
        await().atMost(Duration.ofSeconds(90)).until(() ->
                supervisor.ps().stream().allMatch(s -> s.state() == ProcessState.RUNNING && s.pid() > 0));
        long started = System.nanoTime();
        supervisor.ps().stream().map(ProcessStatus::pid).forEach(groups::add);

        long cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis();
        Thread.sleep(2000); // measuring idle CPU, not synchronising
        long cpuIdle = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() - cpuBefore;

        long stopBegin = System.nanoTime();
        supervisor.down();
        long stopped = System.nanoTime();
        LOG.info("{} children: started in {} ms, {} ms CPU in 2 s idle, {} threads, down in {} ms", COUNT,
                (started - begin) / 1_000_000, cpuIdle, java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount(), (stopped - stopBegin) / 1_000_000);

        assertThat(ProcessLeaks.find(groups)).isEmpty();
    }

    private static final class Stack {
        static dev.pitstop.core.stack.Stack of(java.nio.file.Path dir, List<ProcessSpec> specs) {
            return dev.pitstop.core.stack.Stack.of(dir, specs);
        }
    }
}
