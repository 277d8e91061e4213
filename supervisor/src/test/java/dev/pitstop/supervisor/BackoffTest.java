package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration FLOOR = Duration.ofMillis(50);
    private static final Duration CAP = Duration.ofSeconds(60);
    private static final Duration RESET = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(5);

    private static Duration secs(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static List<Long> delays(Backoff backoff, Duration... uptimes) {
        List<Long> millis = new ArrayList<>();
        for (Duration up : uptimes) {
            millis.add(backoff.next(up).toMillis());
        }
        return millis;
    }

    @Test
    void zeroRestartsAtOnceThenFromTheFloorUpToProcessComposesSecond() {
        Backoff b = new Backoff(secs(0), false, FLOOR, CAP, RESET);
        assertThat(delays(b, SHORT, SHORT, SHORT, SHORT, SHORT, SHORT, SHORT, SHORT))
                .containsExactly(0L, 50L, 100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void aRunThatStayedUpForTheResetWindowMakesTheNextCrashAFirstOneAgain() {
        Backoff b = new Backoff(secs(0), false, FLOOR, CAP, RESET);
        assertThat(delays(b, SHORT, SHORT, SHORT, RESET, SHORT, Duration.ofSeconds(30)))
                .containsExactly(0L, 50L, 100L, 0L, 50L, 0L);
    }

    @Test
    void theFloorIsConfigurable() {
        Backoff b = new Backoff(secs(0), false, Duration.ofMillis(10), CAP, RESET);
        assertThat(delays(b, SHORT, SHORT, SHORT)).containsExactly(0L, 10L, 20L);
    }

    @Test
    void aPositiveFixedDelayIsProcessComposes() {
        Backoff b = new Backoff(secs(2), false, FLOOR, CAP, RESET);
        assertThat(delays(b, SHORT, SHORT, RESET, SHORT)).containsExactly(2000L, 2000L, 2000L, 2000L);
    }

    @Test
    void exponentialStartsAtBackoffSecondsButNotBelowTheFloorAndIsCapped() {
        assertThat(delays(new Backoff(secs(1), true, FLOOR, Duration.ofSeconds(5), RESET), SHORT, SHORT, SHORT, SHORT, SHORT))
                .containsExactly(1000L, 2000L, 4000L, 5000L, 5000L);
        assertThat(delays(new Backoff(secs(0.01), true, FLOOR, CAP, RESET), SHORT, SHORT)).containsExactly(50L, 100L);
        assertThat(delays(new Backoff(secs(0), true, FLOOR, Duration.ofSeconds(5), RESET), SHORT, SHORT, SHORT))
                .containsExactly(0L, 50L, 100L);
    }

    @Test
    void aLongCrashLoopNeitherOverflowsNorPassesTheCap() {
        Backoff b = new Backoff(secs(0), true, FLOOR, CAP, RESET);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 200; i++) {
            last = b.next(SHORT);
        }
        assertThat(last).isEqualTo(CAP);
    }
}
