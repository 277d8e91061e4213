package dev.pitstop.core.store;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.trust.Evidence;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code pitstop lock} recorded for one binary on one platform: the version and the exact artifact a fetch on
 * a machine of that platform must get. A downloaded asset is pinned by its SHA-256; a binary built from a git
 * repository on each machine ({@code platformSpecificBuild}) is pinned by its commit, since its bytes depend on the
 * machine's toolchain and are known only once built there.
 *
 * @param version the version label, as the manifest records it ({@code 2.10.1}, {@code main@1a2b3c4})
 * @param tag what the source is asked for to get this version again (a release tag, or the git ref)
 * @param asset the file name of the release asset, or {@code null} for a build
 * @param url where the asset is downloaded from, or {@code null} for a build
 * @param size the asset's size in bytes, or {@code -1} when unknown
 * @param sha256 the asset's SHA-256 (of the downloaded file, archive or bare binary), or {@code null} for a build
 * @param evidence where the SHA-256 came from: the host's digest, a checksum file, or one download that was hashed
 * @param commit the commit it is built from or tagged at, or {@code null}
 * @param buildKey for a build: its key for this platform, computed with the locking machine's toolchain, else
 *                 {@code null}
 * @param lockedAt when it was locked
 */
public record LockedArtifact(String version, String tag, String asset, URI url, long size, Sha256 sha256,
                             List<Evidence> evidence, String commit, String buildKey, boolean platformSpecificBuild,
                             Instant lockedAt) {
    public LockedArtifact {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(lockedAt, "lockedAt");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (sha256 == null && !platformSpecificBuild) {
            throw new IllegalArgumentException("a locked download needs its sha256");
        }
        if (platformSpecificBuild && commit == null) {
            throw new IllegalArgumentException("a locked build needs its commit");
        }
    }

    /**
     * How the lock names a platform: {@code os/arch}, with the C library only when it is not the OS's usual one
     * ({@code linux/amd64/musl}).
     */
    public static String key(Platform platform) {
        boolean usual = platform.libc().equals(Platform.parse(platform.toString()).libc());
        return usual ? platform.toString() : platform + "/" + platform.libc();
    }

    /** {@code version (sha256 prefix)} or {@code version (build of commit prefix)}, for messages. */
    public String label() {
        return version + " (" + (sha256 != null ? sha256.shortHex() : "build of " + commit.substring(0, Math.min(7,
                commit.length()))) + ")";
    }
}
