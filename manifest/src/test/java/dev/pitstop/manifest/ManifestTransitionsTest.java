package dev.pitstop.manifest;

import static dev.pitstop.manifest.Fixtures.T0;
import static dev.pitstop.manifest.Fixtures.sha;
import static dev.pitstop.manifest.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.store.BadBinaryException;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManifestTransitionsTest {
    final BinaryVersion v1 = version("v1", sha('1'));
    final BinaryVersion v2 = version("v2", sha('2'));
    final BinaryVersion v3 = version("v3", sha('3'));
    final Instant t1 = T0.plusSeconds(1);
    final Instant t2 = T0.plusSeconds(2);

    @Test
    void aPromotedCandidateReplacesTheCurrentVersion() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, t1);
        assertThat(m.current("nats")).contains(v1);
        assertThat(m.candidate("nats")).contains(v2);

        BinaryRecord r = m.promote("nats", t2).binary("nats").orElseThrow();
        assertThat(r.current()).isEqualTo(v2);
        assertThat(r.candidate()).isNull();
        assertThat(r.history()).containsExactly(new HistoryEntry(Outcome.REPLACED, "replaced by v2 (" + sha('2').shortHex()
                + ")", t2, v1));
    }

    @Test
    void aBadCandidateIsRecordedAndRefusedUnlessForced() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, t1)
                .markBad("nats", "not ready within 30 s", t2);

        assertThat(m.current("nats")).contains(v1);
        assertThat(m.candidate("nats")).isEmpty();
        assertThat(m.binary("nats").orElseThrow().history())
                .containsExactly(new HistoryEntry(Outcome.BAD, "not ready within 30 s", t2, v2));
        assertThat(m.isBad("nats", sha('2'))).isTrue();
        assertThat(m.isBad("nats", sha('1'))).isFalse();
        assertThat(m.isBad("other", sha('2'))).isFalse();

        assertThatThrownBy(() -> m.withCandidate("nats", v2, false, t2)).isInstanceOf(BadBinaryException.class)
                .hasMessageContaining("nats", sha('2').shortHex(), "not ready within 30 s", "--force");
        assertThat(m.withCandidate("nats", v2, true, t2).candidate("nats")).contains(v2);
    }

    @Test
    void anInterruptedSwapsCandidateGoesToHistoryAsRolledBackNotBad() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, t1)
                .abandonCandidate("nats", "swap interrupted", t2);

        BinaryRecord r = m.binary("nats").orElseThrow();
        assertThat(r.current()).isEqualTo(v1);
        assertThat(r.candidate()).isNull();
        assertThat(r.history()).containsExactly(new HistoryEntry(Outcome.ROLLED_BACK, "swap interrupted", t2, v2));
        assertThat(r.isBad(sha('2'))).isFalse();
        assertThat(r.knows(sha('2'))).isTrue();
        assertThat(r.knows(sha('3'))).isFalse();
        assertThat(m.abandonCandidate("nats", "again", t2)).as("nothing to abandon").isEqualTo(m);
    }

    @Test
    void aCandidateKeepsThePreflightItPassedWhenPromoted() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, t1)
                .withCandidateEvidence("nats", new dev.pitstop.core.trust.Evidence("preflight", "exited 0"))
                .promote("nats", t2);

        assertThat(m.current("nats").orElseThrow().evidence()).last()
                .isEqualTo(new dev.pitstop.core.trust.Evidence("preflight", "exited 0"));
        assertThat(m.current("nats").orElseThrow().sha256()).isEqualTo(sha('2'));
    }

    @Test
    void rollbackMakesAnEarlierVersionCurrentAndRecordsWhy() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0).install("nats", v2, false, t1);
        assertThat(m.binary("nats").orElseThrow().previous()).contains(v1);

        Manifest back = m.rollback("nats", sha('1'), "clients fail to connect", false, t2);
        BinaryRecord r = back.binary("nats").orElseThrow();
        assertThat(r.current()).isEqualTo(v1);
        assertThat(r.history()).extracting(HistoryEntry::outcome).containsExactly(Outcome.REPLACED, Outcome.ROLLED_BACK);
        assertThat(r.history().get(1)).isEqualTo(new HistoryEntry(Outcome.ROLLED_BACK, "clients fail to connect", t2, v2));
        assertThat(r.previous()).contains(v2);

        assertThatThrownBy(() -> m.rollback("nats", sha('9'), "x", false, t2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no earlier version");
    }

    @Test
    void rollbackToABadVersionNeedsForce() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, T0)
                .markBad("nats", "crashed", T0).install("nats", v3, false, t1);
        assertThatThrownBy(() -> m.rollback("nats", sha('2'), "try again", false, t2))
                .isInstanceOf(BadBinaryException.class);
        assertThat(m.rollback("nats", sha('2'), "try again", true, t2).current("nats")).contains(v2);
        assertThat(m.binary("nats").orElseThrow().previous()).contains(v1);
    }

    @Test
    void aNewerCandidateSupersedesAnUnswappedOne() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, t1)
                .withCandidate("nats", v3, false, t2);
        assertThat(m.candidate("nats")).contains(v3);
        assertThat(m.binary("nats").orElseThrow().history()).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.REPLACED))
                .satisfies(e -> assertThat(e.binary()).isEqualTo(v2));
    }

    @Test
    void retainedKeepsCurrentCandidateAndTheLastNOthers() {
        Manifest m = Manifest.empty();
        for (char c : "12345".toCharArray()) {
            m = m.install("nats", version("v" + c, sha(c)), false, T0);
        }
        m = m.withCandidate("nats", version("v6", sha('6')), false, t1);
        assertThat(m.retained(2)).containsExactlyInAnyOrder(sha('5'), sha('6'), sha('4'), sha('3'));
        assertThat(m.retained(0)).containsExactlyInAnyOrder(sha('5'), sha('6'));
    }

    @Test
    void changesOnUnknownNamesOrWithoutCandidateFailClearly() {
        Manifest m = Manifest.empty().install("nats", v1, false, T0);
        assertThatThrownBy(() -> m.promote("redis", t1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'redis'");
        assertThatThrownBy(() -> m.markBad("nats", "x", t1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no candidate");
        assertThat(m.without("nats")).isEqualTo(Manifest.empty());
    }
}
