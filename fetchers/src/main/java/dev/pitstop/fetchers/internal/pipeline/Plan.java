package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.Asset;
import dev.pitstop.core.trust.Digest;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a source decided to fetch; the pipeline downloads, verifies and extracts it.
 *
 * @param coordinates recorded in the manifest, e.g. {@code github:nats-io/nats-server}
 * @param siblings the other assets of the release, searched for checksum files
 * @param inlineChecksum a digest written in the stack file ({@code checksum: sha256:…})
 * @param checksumUrl a checksum file named in the stack file ({@code checksum_url:})
 * @param signatureUrl a detached signature named in the stack file ({@code signature_url:})
 * @param path the {@code path:} setting: which file of the archive is the binary
 * @param binaryNames names the binary may have inside the archive, best first
 */
public record Plan(String coordinates, String version, String commit, Asset asset, List<Asset> siblings,
                   Optional<Digest> inlineChecksum, Optional<URI> checksumUrl, Optional<URI> signatureUrl,
                   Optional<String> path, List<String> binaryNames) {
    public Plan {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(asset, "asset");
        siblings = List.copyOf(siblings);
        inlineChecksum = inlineChecksum == null ? Optional.empty() : inlineChecksum;
        checksumUrl = checksumUrl == null ? Optional.empty() : checksumUrl;
        signatureUrl = signatureUrl == null ? Optional.empty() : signatureUrl;
        path = path == null ? Optional.empty() : path;
        binaryNames = List.copyOf(binaryNames);
    }
}
