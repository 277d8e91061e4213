package dev.pitstop.core.store;

import dev.pitstop.core.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the manifest knows about one binary name. A version's state is the slot it sits in:
 * {@code current} (what {@code .pitstop/bin/<name>} points to and processes run) and, during a swap,
 * {@code candidate} (stored and verified, not yet proven ready). Both can be set at once, which a single
 * {@code state} field could not express. {@code history} is append-only, oldest first.
 *
 * <p>Every method returns a new record; none touches a file.
 *
 * @param current {@code null} until a first version was promoted
 * @param candidate {@code null} when no swap is under way
 * @param locked what {@code pitstop lock} pinned, per platform ({@link LockedArtifact#key}); independent of the
 *               slots: a machine of a locked platform fetches exactly that
 */
public record BinaryRecord(BinaryVersion current, BinaryVersion candidate, List<HistoryEntry> history,
                           SortedMap<String, LockedArtifact> locked) {
    public BinaryRecord {
        history = history == null ? List.of() : List.copyOf(history);
        locked = Collections.unmodifiableSortedMap(locked == null ? new TreeMap<>() : new TreeMap<>(locked));
    }

    /** A record with nothing locked. */
    public BinaryRecord(BinaryVersion current, BinaryVersion candidate, List<HistoryEntry> history) {
        this(current, candidate, history, null);
    }

    public static BinaryRecord empty() {
        return new BinaryRecord(null, null, List.of());
    }

    /** The locked artifact for {@code platform}, if {@code pitstop lock} recorded one. */
    public Optional<LockedArtifact> lockedFor(dev.pitstop.core.Platform platform) {
        return Optional.ofNullable(locked.get(LockedArtifact.key(platform)));
    }

    /** This record with {@code entries} locked (each replacing the entry of its platform). */
    BinaryRecord withLocked(SortedMap<String, LockedArtifact> entries) {
        SortedMap<String, LockedArtifact> all = new TreeMap<>(locked);
        all.putAll(entries);
        return new BinaryRecord(current, candidate, history, all);
    }

    /** Offers a new version; a bad SHA-256 is refused unless {@code force}. An older candidate is superseded. */
    BinaryRecord withCandidate(String name, BinaryVersion version, boolean force, Instant now) {
        refuseBad(name, version.sha256(), force);
        List<HistoryEntry> h = new ArrayList<>(history);
        if (candidate != null) {
            h.add(new HistoryEntry(Outcome.REPLACED, "superseded by " + version.label() + " before it was swapped in",
                    now, candidate));
        }
        return new BinaryRecord(current, version, h, locked);
    }

    /** The candidate proved ready: it becomes current, the old current goes to history as replaced. */
    BinaryRecord promote(String name, Instant now) {
        if (candidate == null) {
            throw new IllegalStateException(name + ": no candidate to promote");
        }
        List<HistoryEntry> h = new ArrayList<>(history);
        if (current != null) {
            h.add(new HistoryEntry(Outcome.REPLACED, "replaced by " + candidate.label(), now, current));
        }
        return new BinaryRecord(candidate, null, h, locked);
    }

    /** The candidate failed: it goes to history as bad; current stays. */
    BinaryRecord markBad(String name, String reason, Instant now) {
        if (candidate == null) {
            throw new IllegalStateException(name + ": no candidate to mark bad");
        }
        List<HistoryEntry> h = new ArrayList<>(history);
        h.add(new HistoryEntry(Outcome.BAD, reason, now, candidate));
        return new BinaryRecord(current, null, h, locked);
    }

    /** An unfinished swap's candidate goes to history as rolled back; without a candidate nothing changes. */
    BinaryRecord abandonCandidate(String reason, Instant now) {
        if (candidate == null) {
            return this;
        }
        List<HistoryEntry> h = new ArrayList<>(history);
        h.add(new HistoryEntry(Outcome.ROLLED_BACK, reason, now, candidate));
        return new BinaryRecord(current, null, h, locked);
    }

    /**
     * Whether these bytes were ever recorded under this name: current, candidate or any entry of the history.
     */
    public boolean knows(Sha256 sha) {
        return (current != null && current.sha256().equals(sha)) || (candidate != null && candidate.sha256().equals(sha))
                || history.stream().anyMatch(e -> e.binary().sha256().equals(sha));
    }

    /** The newest history entry of these bytes, if they ever left the current or candidate slot. */
    public Optional<HistoryEntry> lastEntry(Sha256 sha) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).binary().sha256().equals(sha)) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /** Goes back to the most recent earlier version with that SHA-256; the current one goes to history. */
    BinaryRecord rollback(String name, Sha256 to, String reason, boolean force, Instant now) {
        if (current == null) {
            throw new IllegalStateException(name + ": nothing to roll back from, no current version");
        }
        BinaryVersion target = latestEarlier(to)
                .orElseThrow(() -> new IllegalArgumentException(name + ": no earlier version " + to.shortHex()
                        + " in the history"));
        refuseBad(name, to, force);
        List<HistoryEntry> h = new ArrayList<>(history);
        h.add(new HistoryEntry(Outcome.ROLLED_BACK, reason, now, current));
        return new BinaryRecord(target, candidate, h, locked);
    }

    /** The most recent earlier version that is neither bad nor the current one: the default rollback target. */
    public Optional<BinaryVersion> previous() {
        for (int i = history.size() - 1; i >= 0; i--) {
            BinaryVersion v = history.get(i).binary();
            if (!isBad(v.sha256()) && (current == null || !v.sha256().equals(current.sha256()))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public boolean isBad(Sha256 sha) {
        return badEntry(sha).isPresent();
    }

    /** Current, candidate and the {@code keepLast} most recent other versions of the history. */
    public Set<Sha256> retained(int keepLast) {
        Set<Sha256> keep = new LinkedHashSet<>();
        if (current != null) {
            keep.add(current.sha256());
        }
        if (candidate != null) {
            keep.add(candidate.sha256());
        }
        Set<Sha256> older = new LinkedHashSet<>();
        for (int i = history.size() - 1; i >= 0 && older.size() < keepLast; i--) {
            Sha256 sha = history.get(i).binary().sha256();
            if (!keep.contains(sha)) {
                older.add(sha);
            }
        }
        keep.addAll(older);
        return keep;
    }

    private Optional<BinaryVersion> latestEarlier(Sha256 sha) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).binary().sha256().equals(sha)) {
                return Optional.of(history.get(i).binary());
            }
        }
        return Optional.empty();
    }

    private Optional<HistoryEntry> badEntry(Sha256 sha) {
        return history.stream().filter(e -> e.outcome() == Outcome.BAD && e.binary().sha256().equals(sha))
                .reduce((first, second) -> second);
    }

    private void refuseBad(String name, Sha256 sha, boolean force) {
        if (!force) {
            badEntry(sha).ifPresent(e -> {
                throw new BadBinaryException(name, sha, e.reason());
            });
        }
    }
}
