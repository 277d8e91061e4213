package dev.pitstop.core.source;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.trust.Evidence;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The asset a fetch for some platform would download, with its SHA-256 as {@link Source#lock} found it.
 *
 * @param size bytes, or {@code -1} when unknown
 * @param evidence where the SHA-256 came from: the host's per-asset digest, a checksum file, or a download that was
 *                 hashed and thrown away
 */
public record LockedAsset(String name, URI url, long size, Sha256 sha256, List<Evidence> evidence) {
    public LockedAsset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        evidence = List.copyOf(evidence);
    }
}
