package dev.pitstop.testkit.release;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Misbehaviour the {@link ReleaseServer} can be told to show; each setter returns this for chaining. */
public final class Faults {
    final AtomicInteger apiErrors = new AtomicInteger();
    final AtomicInteger downloadErrors = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicReference<Instant> rateLimitReset = new AtomicReference<>();
    volatile boolean rateLimitWith429;
    volatile Duration chunkDelay = Duration.ZERO;
    volatile boolean rangeSupported = true;
    volatile String tampered;

    /** The next {@code n} API requests answer 500. */
    public Faults apiServerErrors(int n) {
        apiErrors.set(n);
        return this;
    }

    /** The next {@code n} asset downloads answer 500. */
    public Faults downloadServerErrors(int n) {
        downloadErrors.set(n);
        return this;
    }

    /** The next {@code n} downloads send half the body and then drop the connection. */
    public Faults resetMidBody(int n) {
        resets.set(n);
        return this;
    }

    /** Every API request answers 403 with {@code x-ratelimit-remaining: 0} until {@code resetAt}; null lifts it. */
    public Faults rateLimitedUntil(Instant resetAt) {
        rateLimitReset.set(resetAt);
        rateLimitWith429 = false;
        return this;
    }

    /** Every API request answers 429 with {@code retry-after}. */
    public Faults secondaryRateLimit(Instant resetAt) {
        rateLimitReset.set(resetAt);
        rateLimitWith429 = true;
        return this;
    }

    /** Bodies are sent in 16 KiB chunks with this pause between them. */
    public Faults slowBody(Duration delayPerChunk) {
        chunkDelay = delayPerChunk;
        return this;
    }

    /** Whether downloads honour {@code Range} (default true); when false a Range request gets the whole file. */
    public Faults rangeSupported(boolean supported) {
        rangeSupported = supported;
        return this;
    }

    /**
     * Downloads of this asset serve bytes other than the published ones (its digest and the checksum files stay
     * as published); {@code null} stops it.
     */
    public Faults tamper(String assetName) {
        tampered = assetName;
        return this;
    }
}
