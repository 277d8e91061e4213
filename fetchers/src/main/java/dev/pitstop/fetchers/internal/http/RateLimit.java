package dev.pitstop.fetchers.internal.http;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/** Reads GitHub's rate-limit headers: {@code retry-after} (seconds) or {@code x-ratelimit-remaining: 0} + reset. */
final class RateLimit {
    private RateLimit() {
    }

    static Optional<Instant> resetTime(HttpHeaders headers, Instant now) {
        Optional<Long> retryAfter = headers.firstValue("retry-after").flatMap(RateLimit::number);
        if (retryAfter.isPresent()) {
            return Optional.of(now.plusSeconds(retryAfter.get()));
        }
        boolean exhausted = headers.firstValue("x-ratelimit-remaining").flatMap(RateLimit::number)
                .map(n -> n == 0).orElse(false);
        if (!exhausted) {
            return Optional.empty();
        }
        return Optional.of(headers.firstValue("x-ratelimit-reset").flatMap(RateLimit::number)
                .map(Instant::ofEpochSecond).orElse(now.plusSeconds(60)));
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
