package dev.pitstop.cli.text;

import dev.pitstop.testkit.FakeEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlTextTest {
    @Test
    void uptimeIsCompact() {
        assertThat(ControlText.uptime(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(ControlText.uptime(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(ControlText.uptime(Duration.ofMinutes(127))).isEqualTo("2h07m");
        assertThat(ControlText.uptime(Duration.ofHours(76))).isEqualTo("3d04h");
        assertThat(ControlText.uptime(Duration.ofSeconds(-3))).isEqualTo("0s");
    }

    @Test
    void tableShowsUptimeOnlyForLiveProcesses() {
        Instant now = Instant.parse("2026-01-02T05:11:05Z");
        String table = ControlText.table(List.of(
                new ProcessStatus("web", ProcessState.RUNNING, Health.READY, 10, 0, FakeEngine.STARTED, null),
                new ProcessStatus("job", ProcessState.COMPLETED, Health.UNKNOWN, 11, 0, FakeEngine.STARTED, 0)), now);
        assertThat(table).isEqualTo("""
                NAME  STATE      HEALTH  PID  RESTARTS  UPTIME  EXIT
                web   Running    Ready   10   0         2h07m   -
                job   Completed  -       11   0         -       0
                """);
    }

    @Test
    void aStatusColumnAppearsOnceAProcessSaidSomething() {
        Instant now = Instant.parse("2026-01-02T05:11:05Z");
        String table = ControlText.table(List.of(
                new ProcessStatus("db", ProcessState.RUNNING, Health.READY, 10, 0, FakeEngine.STARTED, null, List.of(),
                        "accepting connections"),
                new ProcessStatus("job", ProcessState.COMPLETED, Health.UNKNOWN, 11, 0, FakeEngine.STARTED, 0)), now);
        assertThat(table).isEqualTo("""
                NAME  STATE      HEALTH  PID  RESTARTS  UPTIME  EXIT  STATUS
                db    Running    Ready   10   0         2h07m   -     accepting connections
                job   Completed  -       11   0         -       0     -
                """);
    }
}
