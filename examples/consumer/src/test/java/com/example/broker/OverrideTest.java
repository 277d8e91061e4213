package com.example.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pitstop.core.process.LogLine;
import dev.pitstop.supervisor.SupervisorConfig;
import dev.pitstop.testkit.PitstopExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A stack written in the test, with a Guice override: a supervisor that keeps two lines of output per process. */
class OverrideTest {
    static final SupervisorConfig SHORT_LOGS = new SupervisorConfig(Duration.ofSeconds(1), 2, 8 * 1024,
            10L * 1024 * 1024, 3, Duration.ofSeconds(60), Duration.ofSeconds(10));

    @RegisterExtension
    static final PitstopExtension STACK = PitstopExtension.yaml("""
                    processes:
                      counter:
                        command: "for i in 1 2 3 4; do echo line $i; done; echo ${GREETING}; exec sleep 600"
                        ready_log_line: "${GREETING}"
                    """)
            .variable("GREETING", "ready to count")
            .override(binder -> binder.bind(SupervisorConfig.class).toInstance(SHORT_LOGS));

    @Test
    void theOverriddenSupervisorKeepsTwoLines() {
        STACK.stack().awaitLogLine("counter", "ready to count", Duration.ofSeconds(10));

        List<String> kept = STACK.engine().logs("counter", 100).stream().map(LogLine::text).toList();
        assertEquals(List.of("line 4", "ready to count"), kept);
    }
}
