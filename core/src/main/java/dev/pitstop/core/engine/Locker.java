package dev.pitstop.core.engine;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.LockedAsset;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Revision;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.store.LockedArtifact;
import dev.pitstop.core.trust.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds what {@code pitstop lock} records for one binary on one platform, without installing anything: a build
 * is pinned by its commit (its bytes depend on the machine that builds it); a download by the asset the source
 * would choose and its SHA-256, from published evidence when the source has it, else from one fetch into a
 * temporary folder that is hashed and thrown away.
 */
final class Locker {
    private final Function<String, Path> stagingDirs;

    /** @param stagingDirs a new empty staging folder for a binary, removed by the caller's {@code cleanup} */
    Locker(Function<String, Path> stagingDirs) {
        this.stagingDirs = stagingDirs;
    }

    LockedArtifact lock(BinarySpec spec, Source<?> source, Platform platform, Instant now,
                        java.util.function.Consumer<Path> cleanup) {
        Release release = source.resolve(spec, platform);
        Revision revision = release.revision();
        if (revision != null) {
            return new LockedArtifact(release.version(), revision.ref(), null, null, -1, null,
                    List.of(new Evidence("build", "built on each machine from " + revision.repository() + " at "
                            + revision.commit())), revision.commit(), revision.buildKey(), true, now);
        }
        Optional<LockedAsset> published = source.lock(spec, release, platform);
        if (published.isPresent()) {
            LockedAsset a = published.get();
            return new LockedArtifact(release.version(), release.tag(), a.name(), a.url(), a.size(), a.sha256(),
                    a.evidence(), null, null, false, now);
        }
        Path dir = stagingDirs.apply(spec.name());
        try {
            FetchedBinary fetched = source.fetch(FetchRequest.of(spec, release, platform, dir));
            List<Evidence> evidence = new ArrayList<>(fetched.evidence().stream()
                    .filter(e -> !"none".equals(e.kind())).toList());
            evidence.add(new Evidence("download", "hashed one download of " + fetched.assetName()));
            return new LockedArtifact(release.version(), release.tag(), fetched.assetName(),
                    release.asset(fetched.assetName()).map(a -> a.downloadUrl()).orElse(null), -1,
                    fetched.archiveSha256(), evidence, fetched.commit(), null, false, now);
        } finally {
            cleanup.accept(dir);
        }
    }

    /** Whether two entries pin the same thing (the time they were locked aside). */
    static boolean same(LockedArtifact a, LockedArtifact b) {
        return a != null && b != null && a.version().equals(b.version())
                && java.util.Objects.equals(a.sha256(), b.sha256()) && java.util.Objects.equals(a.commit(), b.commit())
                && java.util.Objects.equals(a.buildKey(), b.buildKey()) && java.util.Objects.equals(a.asset(), b.asset());
    }
}
