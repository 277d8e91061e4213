package dev.pitstop.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An earlier version of a binary and how it left.
 *
 * @param at when it left
 * @param reason one line: why it was replaced, rolled back or marked bad
 */
public record HistoryEntry(Outcome outcome, String reason, Instant at, BinaryVersion binary) {
    public HistoryEntry {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(binary, "binary");
        reason = reason == null ? "" : reason;
    }
}
