package dev.pitstop.core.store;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.trust.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded version of a binary: what it is, where it came from and how it was verified.
 *
 * @param commit the git commit it was built from or tagged at, or {@code null} if unknown
 * @param recordedAt when it entered the manifest
 * @param evidence how the bytes were proven to be the published ones
 * @param trustSteps what was done so the OS runs it (for example {@code chmod 0555},
 *                   {@code removed com.apple.quarantine}), as the signing module reports them
 * @param buildKey for binaries built from source: the key of the build inputs, else {@code null}
 * @param build for binaries built from source: how, else {@code null}
 */
public record BinaryVersion(SourceCoordinates source, String version, String commit, Sha256 sha256, long size,
                            Platform platform, Instant recordedAt, List<Evidence> evidence, List<String> trustSteps,
                            String buildKey, BuildRecord build) {
    public BinaryVersion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        trustSteps = trustSteps == null ? List.of() : List.copyOf(trustSteps);
    }

    /** A version that was not built from source. */
    public BinaryVersion(SourceCoordinates source, String version, String commit, Sha256 sha256, long size,
                         Platform platform, Instant recordedAt, List<Evidence> evidence, List<String> trustSteps,
                         String buildKey) {
        this(source, version, commit, sha256, size, platform, recordedAt, evidence, trustSteps, buildKey, null);
    }

    /** This version with one more piece of evidence (a passed preflight, say). */
    public BinaryVersion withEvidence(Evidence more) {
        List<Evidence> all = new java.util.ArrayList<>(evidence);
        all.add(more);
        return new BinaryVersion(source, version, commit, sha256, size, platform, recordedAt, all, trustSteps, buildKey,
                build);
    }

    /** {@code version (sha256 prefix)}, for messages. */
    public String label() {
        return version + " (" + sha256.shortHex() + ")";
    }
}
