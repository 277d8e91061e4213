package dev.pitstop.fetchers;

import dev.pitstop.core.source.FetchException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.pitstop.fetchers.internal.http.TransientHttpException;

/**
 * Bounded retries with exponential backoff for transient failures (5xx, broken connections). None of our
 * dependencies (Guice/Guava, Jackson, JGit, Commons Compress) ships a general retry helper, so this is the
 * one place that loops.
 *
 * @param maxAttempts attempts in total, at least 1
 * @param firstDelay the wait after the first failure; doubled after each further one, capped at {@code maxDelay}
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** One try of the operation; it may throw {@link IOException} (retried) or a {@link FetchException}. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws IOException, InterruptedException;
    }

    /** Runs {@code attempt} until it succeeds, fails permanently, or the attempts are used up. */
    public <T> T call(String what, Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (InterruptedException | InterruptedIOException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(what + ": interrupted", e);
            } catch (IOException | TransientHttpException e) {
                if (n >= maxAttempts) {
                    throw new FetchException(what + ": failed after " + n + " attempts: " + e.getMessage(), e);
                }
                Duration delay = delayAfter(n);
                LOG.debug("{}: attempt {} failed ({}), retrying in {} ms", what, n, e.getMessage(), delay.toMillis());
                pause(what, delay);
            }
        }
    }

    /** The wait after the {@code failures}-th failure. */
    public Duration delayAfter(int failures) {
        long millis = firstDelay.toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    private static void pause(String what, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(what + ": interrupted while waiting to retry", e);
        }
    }
}
