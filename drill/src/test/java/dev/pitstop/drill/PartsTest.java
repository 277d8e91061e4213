package dev.pitstop.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.SnapshotDiff;
import dev.pitstop.core.store.SnapshotDiff.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small pieces: phase names, percentiles, the wrong-architecture patch. */
class PartsTest {
    @Test
    void phasesParseInAnyOrderAndUnknownNamesAreOneLine() {
        assertThat(Phase.parse("rapid, single")).isEqualTo(EnumSet.of(Phase.SINGLE, Phase.RAPID));
        assertThatThrownBy(() -> Phase.parse("single,chaos")).hasMessage("no drill phase 'chaos'; the phases are "
                + "single, parallel, cascade, rapid, failure, integrity");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> times = List.of(50L, 10L, 40L, 20L, 30L, 100L, 60L, 70L, 80L, 90L);
        assertThat(Stats.percentile(times, 50)).isEqualTo(50);
        assertThat(Stats.percentile(times, 95)).isEqualTo(100);
        assertThat(Stats.percentile(List.of(), 95)).isZero();
    }

    @Test
    void anotherExecutableIsDriftOnlyForAManagedBinary() {
        Sha256 shell = new Sha256("a".repeat(64));
        Sha256 program = new Sha256("b".repeat(64));
        Instant t = Instant.parse("2026-11-29T10:00:00Z");
        SnapshotDiff.Entry unmanaged = new SnapshotDiff.Entry("app", Set.of(Change.RESTARTED, Change.BINARY_CHANGED),
                new ProcessSnapshot("app", 10, t, program, null), new ProcessSnapshot("app", 11, t, shell, null));
        SnapshotDiff.Entry managed = new SnapshotDiff.Entry("nats", Set.of(Change.RESTARTED, Change.BINARY_CHANGED),
                new ProcessSnapshot("nats", 10, t, program, "v2.10.0"),
                new ProcessSnapshot("nats", 11, t, shell, "v2.10.0"));
        SnapshotDiff.Entry restarted = new SnapshotDiff.Entry("nats", Set.of(Change.RESTARTED),
                new ProcessSnapshot("nats", 10, t, program, "v2.10.0"),
                new ProcessSnapshot("nats", 11, t, program, "v2.10.0"));
        assertThat(SnapshotLines.drifted(unmanaged)).isFalse();
        assertThat(SnapshotLines.drifted(managed)).isTrue();
        assertThat(SnapshotLines.drifted(restarted)).isFalse();
    }

    @Test
    void wrongArchitecturePatchesOnlyEMachine() throws Exception {
        byte[] elf = Files.readAllBytes(Path.of("/usr/sbin/nats-server"));
        byte[] patched = BrokenCandidates.otherArchitecture(elf);
        assertThat(BrokenCandidates.isElf(patched)).isTrue();
        int machine = (patched[18] & 0xff) | (patched[19] & 0xff) << 8;
        int original = (elf[18] & 0xff) | (elf[19] & 0xff) << 8;
        assertThat(machine).isNotEqualTo(original).isIn(BrokenCandidates.EM_X86_64, BrokenCandidates.EM_AARCH64);
        patched[18] = elf[18];
        patched[19] = elf[19];
        assertThat(patched).isEqualTo(elf);
    }
}
