package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.testkit.ProcessLeaks;
import java.time.Duration;
import java.util.List;

/** The end of every e2e stack: down, close, and fail if any process (or grandchild) is left. */
final class Teardown {
    private Teardown() {}

    /** @param groups process groups seen during the test; those still running are added */
    static void downAndCheck(Engine engine, List<Long> groups) {
        if (engine != null) {
            try {
                engine.ps().stream().filter(p -> p.pid() > 0).forEach(p -> groups.add(p.pid()));
                engine.down();
            } finally {
                engine.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ProcessLeaks.assertNone(groups));
        assertThat(ProcessLeaks.find(groups)).isEmpty();
    }
}
