package dev.pitstop.core.source;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PublishedArtifact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified binary extracted into the staging folder, ready for the store.
 *
 * @param path the extracted executable inside the staging folder
 * @param sha256 the executable's SHA-256
 * @param archiveSha256 the downloaded file's SHA-256 (what checksum files list; equals {@code sha256} for a
 *                      bare binary)
 * @param commit the source commit when known, else {@code null}
 * @param coordinates where it came from, for the manifest ({@code github:nats-io/nats-server})
 * @param evidence how the source proved the download, strongest first
 * @param artifact the downloaded file as published, kept in the staging folder, with the digests and signatures
 *                 published next to it, for the engine's trust policy; empty when the source has no such file
 *                 (the policy then sees the binary itself, with nothing published)
 * @param revision what it was built from, for a source build, else {@code null}
 * @param buildTime how long the build took, for a source build, else {@code null}
 */
public record FetchedBinary(Path path, Sha256 sha256, long size, Sha256 archiveSha256, String version, String commit,
                            String coordinates, String assetName, List<Evidence> evidence,
                            Optional<PublishedArtifact> artifact, Revision revision, Duration buildTime) {
    public FetchedBinary {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(archiveSha256, "archiveSha256");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(assetName, "assetName");
        evidence = List.copyOf(evidence);
        artifact = artifact == null ? Optional.empty() : artifact;
    }

    /** A downloaded (not built) binary. */
    public FetchedBinary(Path path, Sha256 sha256, long size, Sha256 archiveSha256, String version, String commit,
                         String coordinates, String assetName, List<Evidence> evidence,
                         Optional<PublishedArtifact> artifact) {
        this(path, sha256, size, archiveSha256, version, commit, coordinates, assetName, evidence, artifact, null, null);
    }

    /** A fetched binary without a published artifact (sources written before the engine checked policies). */
    public FetchedBinary(Path path, Sha256 sha256, long size, Sha256 archiveSha256, String version, String commit,
                         String coordinates, String assetName, List<Evidence> evidence) {
        this(path, sha256, size, archiveSha256, version, commit, coordinates, assetName, evidence, Optional.empty());
    }
}
