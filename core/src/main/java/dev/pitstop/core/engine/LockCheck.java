package dev.pitstop.core.engine;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.LockedArtifact;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of a fetch on a locked platform: the source must give the locked version (a build: the locked
 * commit) and the locked asset; the locked SHA-256 itself is checked by the source against the download, as a
 * recorded digest.
 */
final class LockCheck {
    private LockCheck() {
    }

    /** Whether the current version is what the lock pins for this machine's platform. */
    static boolean satisfies(Optional<BinaryVersion> current, LockedArtifact locked, Platform host) {
        return current.isPresent() && current.get().version().equals(locked.version())
                && LockedArtifact.key(current.get().platform()).equals(LockedArtifact.key(host))
                && (locked.commit() == null || locked.commit().equals(current.get().commit()));
    }

    static void release(String name, LockedArtifact locked, Release release, Platform host) {
        if (!release.version().equals(locked.version())) {
            throw new FetchException(name + ": the lock pins " + locked.label() + " for " + LockedArtifact.key(host)
                    + " but the source now gives version " + release.version() + " for '" + locked.tag() + "'");
        }
        if (locked.commit() != null && release.revision() != null
                && !locked.commit().equals(release.revision().commit())) {
            throw new FetchException(name + ": the lock pins commit " + locked.commit() + " but the source resolved "
                    + release.revision().commit());
        }
    }

    static void fetched(String name, LockedArtifact locked, FetchedBinary fetched, Platform host) {
        if (locked.asset() != null && !locked.asset().equals(fetched.assetName())) {
            throw new FetchException(name + ": the lock pins asset " + locked.asset() + " for "
                    + LockedArtifact.key(host) + " but the source chose " + fetched.assetName());
        }
        if (locked.platformSpecificBuild() && !Objects.equals(locked.commit(), fetched.commit())) {
            throw new FetchException(name + ": the lock pins commit " + locked.commit() + " but "
                    + fetched.commit() + " was built");
        }
    }
}
