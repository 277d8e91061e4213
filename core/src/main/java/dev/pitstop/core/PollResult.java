package dev.pitstop.core;

import dev.pitstop.core.source.TransferCost;
import java.util.Objects;

/**
 * What a cheap upstream check of one binary found ({@code pitstop poll}): nothing was downloaded or built.
 *
 * @param current the manifest's current version, or {@code null} if none yet
 * @param latest what the source offers now, or {@code null} when the check failed
 * @param inputsChanged for a source build: whether the build key differs from the current version's (a new commit
 *                      with the same inputs needs no rebuild); for a release: whether the version differs
 * @param error why the check failed, else {@code null}
 * @param cost what the check cost: requests, {@code 304}s, bytes received
 */
public record PollResult(String binary, Status status, String current, String latest, boolean inputsChanged,
                         String error, TransferCost cost) {

    public enum Status {
        /** The source offers the current version. */
        UNCHANGED,
        /** A new version or a new commit whose inputs changed: a fetch or build would bring it. */
        UPDATE,
        /** A new commit whose build inputs are those of a stored build: recorded without a rebuild. */
        SAME_INPUTS,
        /** What the source offers was marked bad before; it is not applied again. */
        BAD,
        /** The check failed; see {@code error}. */
        ERROR
    }

    public PollResult {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(status, "status");
        cost = cost == null ? TransferCost.NONE : cost;
    }

    /** A result whose cost was not measured. */
    public PollResult(String binary, Status status, String current, String latest, boolean inputsChanged,
                      String error) {
        this(binary, status, current, latest, inputsChanged, error, TransferCost.NONE);
    }

    /** This result with its cost. */
    public PollResult withCost(TransferCost measured) {
        return new PollResult(binary, status, current, latest, inputsChanged, error, measured);
    }

    /** Whether applying it would change the manifest. */
    public boolean changed() {
        return status == Status.UPDATE || status == Status.SAME_INPUTS;
    }
}
