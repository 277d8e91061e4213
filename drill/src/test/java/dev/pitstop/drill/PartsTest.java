package dev.pitstop.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
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
