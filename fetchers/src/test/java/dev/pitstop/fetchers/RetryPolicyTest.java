package dev.pitstop.fetchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.source.FetchException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import dev.pitstop.fetchers.internal.http.TransientHttpException;

class RetryPolicyTest {
    final RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void transientFailuresAreRetriedUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        String result = quick.call("op", n -> {
            if (calls.incrementAndGet() < 3) {
                if (n == 1) {
                    throw new IOException("reset");
                }
                throw new TransientHttpException(URI.create("http://h/p"), 503);
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void attemptsAreBoundedAndPermanentErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> quick.call("op", n -> {
            calls.incrementAndGet();
            throw new IOException("down");
        })).isInstanceOf(FetchException.class).hasMessage("op: failed after 3 attempts: down");
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> quick.call("op", n -> {
            calls.incrementAndGet();
            throw new FetchException("404");
        })).hasMessage("404");
        assertThat(calls).hasValue(1);
    }

    @Test
    void delaysDoubleUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(p.delayAfter(40)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void anInterruptStopsAndStaysSet() {
        try {
            assertThatThrownBy(() -> quick.call("op", n -> {
                throw new InterruptedException();
            })).hasMessage("op: interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
