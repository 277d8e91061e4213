package dev.pitstop.supervisor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PsTableTest {
    @Test
    void aRowGivesItsFieldsAndOnlyPitstopsMarkers() {
        var row = PsTable.parse("  4242  4000  4242 Ss     01:02:03 sleep 100 HOME=/root PITSTOP_RUN_ID=abc "
                + "PITSTOP_PROCESS=web SECRET=x", 100_000).orElseThrow();

        assertThat(row.stat()).isEqualTo(new ProcessTable.Stat(4242, 'S', 4000, 4242, 4242, 100_000 - 3723));
        assertThat(row.markers()).isEqualTo(Map.of("PITSTOP_RUN_ID", "abc", "PITSTOP_PROCESS", "web"));
    }

    @Test
    void elapsedTimesInEveryPosixForm() {
        assertThat(PsTable.elapsedSeconds("05")).isEqualTo(5);
        assertThat(PsTable.elapsedSeconds("01:05")).isEqualTo(65);
        assertThat(PsTable.elapsedSeconds("2-01:00:05")).isEqualTo(2 * 86_400 + 3_605);
    }

    @Test
    void startTimesOneSecondApartNameTheSameStart() {
        PsTable table = new PsTable(List.of("e"));
        assertThat(table.sameStart(100, 101)).isTrue();
        assertThat(table.sameStart(100, 102)).isFalse();
    }

    @Test
    void theProcessTableOfThisMachineReadThroughPsSeesThisJvm() {
        PsTable table = new PsTable(List.of("e"));
        long self = ProcessHandle.current().pid();

        assertThat(table.stat(self)).hasValueSatisfying(s -> assertThat(s.dead()).isFalse());
        assertThat(table.all()).anyMatch(s -> s.pid() == self);
        assertThat(table.commandLine(self)).contains("java");
    }
}
