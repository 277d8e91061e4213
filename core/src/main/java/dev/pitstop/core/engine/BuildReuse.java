package dev.pitstop.core.engine;

import dev.pitstop.core.FetchResult;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Revision;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.trust.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Skips a source build whose inputs were built before: when the manifest holds a version with the release's build
 * key (current first, then the history, newest first, never one marked bad) and the store still has its file, that
 * file is the build of this commit too. A new commit with the same inputs is recorded as "same inputs as" the
 * commit that was built; nothing is built and, when the bytes are the running ones, nothing is swapped.
 */
final class BuildReuse {
    private final BinaryInstaller installer;
    private final Supervisor supervisor;

    BuildReuse(BinaryInstaller installer, Supervisor supervisor) {
        this.installer = installer;
        this.supervisor = supervisor;
    }

    /** The version built with {@code buildKey}, if the store still has its file. */
    static Optional<BinaryVersion> built(Optional<BinaryRecord> record, String buildKey) {
        if (record.isEmpty()) {
            return Optional.empty();
        }
        BinaryRecord r = record.get();
        List<BinaryVersion> versions = new ArrayList<>();
        if (r.current() != null) {
            versions.add(r.current());
        }
        List<HistoryEntry> history = r.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            versions.add(history.get(i).binary());
        }
        return versions.stream().filter(v -> buildKey.equals(v.buildKey()) && !r.isBad(v.sha256())).findFirst();
    }

    /** The commit that was really built for {@code version}: itself, unless it reused another's build. */
    static String builtCommit(BinaryVersion version) {
        return version.build() != null && version.build().sameInputsAs() != null
                ? version.build().sameInputsAs() : version.commit();
    }

    Optional<BinaryFetcher.Fetched> apply(Stack stack, String name, Release release) {
        Revision revision = release.revision();
        Optional<BinaryRecord> record = installer.manifest(stack).binary(name);
        Optional<BinaryVersion> built = built(record, revision.buildKey());
        Optional<StoredBinary> file = built.flatMap(v -> installer.stored(v.sha256(), name));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        BinaryVersion current = record.get().current();
        if (current != null && revision.commit().equals(current.commit())
                && revision.buildKey().equals(current.buildKey())) {
            return Optional.of(new BinaryFetcher.Fetched(result(name, current, false, file.get()), Optional.empty()));
        }
        String sameAs = builtCommit(built.get());
        List<Evidence> evidence = List.of(new Evidence("build", "same inputs as " + sameAs + ", build key "
                + revision.buildKey()));
        BinaryInstaller.Candidate candidate = installer.storeCandidate(stack, name, file.get().path(), release.version(),
                evidence, false, Provenance.of(revision, null, sameAs));
        boolean sameBytes = current != null && current.sha256().equals(candidate.version().sha256());
        supervisor.publish(EventType.BINARY_STORED, name, candidate.version().label() + ": same inputs as "
                + sameAs + ", not built");
        if (current == null || sameBytes) {
            installer.update(stack, m -> m.promote(name, installer.now()));
            installer.link(stack, candidate.stored());
            return Optional.of(new BinaryFetcher.Fetched(result(name, candidate.version(), current == null,
                    candidate.stored()), Optional.empty()));
        }
        return Optional.of(new BinaryFetcher.Fetched(result(name, candidate.version(), true, candidate.stored()),
                Optional.of(candidate)));
    }

    private static FetchResult result(String name, BinaryVersion version, boolean changed, StoredBinary file) {
        return new FetchResult(name, version.version(), version.sha256(), version.size(), changed,
                "build of " + version.commit(), version.evidence(), file.path());
    }
}
