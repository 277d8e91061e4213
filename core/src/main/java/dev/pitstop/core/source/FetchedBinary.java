package dev.pitstop.core.source;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.trust.Evidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A verified binary extracted into the staging folder, ready for the store.
 *
 * @param path the extracted executable inside the staging folder
 * @param sha256 the executable's SHA-256
 * @param archiveSha256 the downloaded file's SHA-256 (what checksum files list; equals {@code sha256} for a
 *                      bare binary)
 * @param commit the source commit when known, else {@code null}
 * @param coordinates where it came from, for the manifest ({@code github:nats-io/nats-server})
 * @param evidence how the download was proven, strongest first
 */
public record FetchedBinary(Path path, Sha256 sha256, long size, Sha256 archiveSha256, String version, String commit,
                            String coordinates, String assetName, List<Evidence> evidence) {
    public FetchedBinary {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(archiveSha256, "archiveSha256");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(assetName, "assetName");
        evidence = List.copyOf(evidence);
    }
}
