package dev.pitstop.core.source;

import java.time.Instant;

/** The API refused because the rate limit was used up; {@link #resetAt()} says when it frees up. */
public class RateLimitedException extends FetchException {
    private static final long serialVersionUID = 1L;
    private final Instant resetAt;

    public RateLimitedException(String host, Instant resetAt) {
        super("rate limit of " + host + " exhausted; it resets at " + resetAt
                + " (set GITHUB_TOKEN for a higher limit)");
        this.resetAt = resetAt;
    }

    public Instant resetAt() {
        return resetAt;
    }
}
