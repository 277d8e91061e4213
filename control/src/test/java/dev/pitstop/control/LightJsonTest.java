package dev.pitstop.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LightJsonTest {
    @Test
    void readsWhatTheServerWritesStatusTextIncluded() throws Exception {
        List<ProcessStatus> sent = List.of(
                new ProcessStatus("db", ProcessState.RUNNING, Health.READY, 10, 1, Instant.parse("2026-01-02T03:04:05Z"),
                        null, List.of(), "accepting connections"),
                new ProcessStatus("job", ProcessState.COMPLETED, Health.UNKNOWN, 0, 0, null, 0));

        byte[] body = new ControlJson().write(sent).getBytes(StandardCharsets.UTF_8);

        assertThat(LightJson.processes(body)).isEqualTo(sent);
    }
}
