package dev.pitstop.core.engine;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.StoredBinary;
import java.time.Instant;
import java.util.Objects;

/**
 * One health-gated swap for {@link HealthGatedSwap}: which stored version to run, and what the manifest
 * records once it is ready or once the previous version runs again.
 */
sealed interface SwapPlan permits SwapPlan.Promotion, SwapPlan.Rollback {
    String binary();

    /** The stored file {@code bin/NAME} switches to. */
    StoredBinary next();

    /** Its manifest entry. */
    BinaryVersion version();

    /** The event published on success. */
    EventType succeeded();

    /** The manifest once every process is ready on {@link #next()}. */
    Manifest onSuccess(Manifest manifest, Instant now);

    /** The manifest once the previous version runs again, given why {@link #next()} failed. */
    Manifest onFailure(Manifest manifest, String reason, Instant now);

    private static void requireAll(String binary, StoredBinary next, BinaryVersion version) {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(version, "version");
    }

    /** A candidate that becomes current on success and is marked bad on failure. */
    record Promotion(String binary, StoredBinary next, BinaryVersion version) implements SwapPlan {
        public Promotion {
            requireAll(binary, next, version);
        }

        @Override
        public EventType succeeded() {
            return EventType.BINARY_SWAPPED;
        }

        @Override
        public Manifest onSuccess(Manifest manifest, Instant now) {
            return manifest.promote(binary, now);
        }

        @Override
        public Manifest onFailure(Manifest manifest, String reason, Instant now) {
            return manifest.markBad(binary, reason, now);
        }
    }

    /**
     * An earlier version that becomes current again on success; a failure leaves the manifest as it was (the
     * version that failed was good once, and the current one runs again).
     *
     * @param force allowed although it was marked bad
     */
    record Rollback(String binary, StoredBinary next, BinaryVersion version, boolean force) implements SwapPlan {
        public Rollback {
            requireAll(binary, next, version);
        }

        @Override
        public EventType succeeded() {
            return EventType.ROLLED_BACK;
        }

        @Override
        public Manifest onSuccess(Manifest manifest, Instant now) {
            return manifest.rollback(binary, version.sha256(), "rollback to " + version.label() + " requested", force,
                    now);
        }

        @Override
        public Manifest onFailure(Manifest manifest, String reason, Instant now) {
            return manifest;
        }
    }
}
