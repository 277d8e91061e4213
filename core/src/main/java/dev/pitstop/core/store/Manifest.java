package dev.pitstop.core.store;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.trust.Evidence;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The content of {@code pitstop.lock.json}: per binary name, its current version, a candidate during a swap,
 * and its history. Immutable; every change returns a new manifest, so changes compose as
 * {@code store.update(lockFile, m -> m.withCandidate(…))} under the file lock.
 */
public record Manifest(int schemaVersion, SortedMap<String, BinaryRecord> binaries) {
    /** The schema this Pitstop writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public Manifest {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1: " + schemaVersion);
        }
        binaries = binaries == null ? new TreeMap<>() : new TreeMap<>(binaries);
    }

    public static Manifest empty() {
        return new Manifest(SCHEMA_VERSION, null);
    }

    @Override
    public SortedMap<String, BinaryRecord> binaries() {
        return Collections.unmodifiableSortedMap(binaries);
    }

    public Optional<BinaryRecord> binary(String name) {
        return Optional.ofNullable(binaries.get(name));
    }

    public Optional<BinaryVersion> current(String name) {
        return binary(name).map(BinaryRecord::current);
    }

    public Optional<BinaryVersion> candidate(String name) {
        return binary(name).map(BinaryRecord::candidate);
    }

    /**
     * Records a verified, stored version as the candidate for a swap.
     *
     * @throws BadBinaryException if that SHA-256 was marked bad for this name and {@code force} is false
     */
    public Manifest withCandidate(String name, BinaryVersion version, boolean force, Instant now) {
        Objects.requireNonNull(version, "version");
        return change(name, r -> r.withCandidate(name, version, force, now));
    }

    /** The candidate became ready: it is now current; the previous current is kept in history as replaced. */
    public Manifest promote(String name, Instant now) {
        return existing(name, r -> r.promote(name, now));
    }

    /** Shorthand for a first install or a swap without health gate: candidate, then promote. */
    public Manifest install(String name, BinaryVersion version, boolean force, Instant now) {
        return withCandidate(name, version, force, now).promote(name, now);
    }

    /** The candidate failed (exited, never ready, cannot exec); it is never offered again unless forced. */
    public Manifest markBad(String name, String reason, Instant now) {
        return existing(name, r -> r.markBad(name, reason, now));
    }

    /** Adds evidence to the candidate (the result of its preflight); without a candidate nothing changes. */
    public Manifest withCandidateEvidence(String name, Evidence evidence) {
        return existing(name, r -> r.candidate() == null ? r
                : new BinaryRecord(r.current(), r.candidate().withEvidence(evidence), r.history(), r.locked()));
    }

    /**
     * A swap that never finished (the supervisor was killed while the candidate was tried): the candidate goes to
     * history as rolled back with {@code reason}, not bad (it was never proven either way), and current stays.
     */
    public Manifest abandonCandidate(String name, String reason, Instant now) {
        return existing(name, r -> r.abandonCandidate(reason, now));
    }

    /**
     * Makes an earlier version current again; the current one goes to history as rolled back.
     *
     * @throws IllegalArgumentException if no earlier version has that SHA-256
     * @throws BadBinaryException if it was marked bad and {@code force} is false
     */
    public Manifest rollback(String name, Sha256 to, String reason, boolean force, Instant now) {
        return existing(name, r -> r.rollback(name, to, reason, force, now));
    }

    /**
     * Records what {@code pitstop lock} found for {@code name}, per platform key; the entries of other platforms
     * stay.
     */
    public Manifest withLocked(String name, java.util.SortedMap<String, LockedArtifact> entries) {
        return change(name, r -> r.withLocked(entries));
    }

    /** Forgets a binary the stack no longer names. */
    public Manifest without(String name) {
        TreeMap<String, BinaryRecord> copy = new TreeMap<>(binaries);
        copy.remove(name);
        return new Manifest(schemaVersion, copy);
    }

    public boolean isBad(String name, Sha256 sha) {
        return binary(name).map(r -> r.isBad(sha)).orElse(false);
    }

    /** The SHA-256s garbage collection must keep: see {@link BinaryRecord#retained(int)}. */
    public Set<Sha256> retained(int keepLast) {
        Set<Sha256> keep = new HashSet<>();
        binaries.values().forEach(r -> keep.addAll(r.retained(keepLast)));
        return keep;
    }

    private Manifest existing(String name, UnaryOperator<BinaryRecord> op) {
        if (!binaries.containsKey(name)) {
            throw new IllegalStateException("the manifest has no binary named '" + name + "'");
        }
        return change(name, op);
    }

    private Manifest change(String name, UnaryOperator<BinaryRecord> op) {
        TreeMap<String, BinaryRecord> copy = new TreeMap<>(binaries);
        copy.put(name, op.apply(copy.getOrDefault(name, BinaryRecord.empty())));
        return new Manifest(SCHEMA_VERSION, copy);
    }
}
