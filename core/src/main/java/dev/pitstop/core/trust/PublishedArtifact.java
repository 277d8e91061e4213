package dev.pitstop.core.trust;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A downloaded file exactly as its publisher released it (the archive, not the binary extracted from it, since
 * that is what checksum files list and detached signatures sign), and what was published next to it.
 *
 * @param file the downloaded file; it lives in the fetch's staging folder, so it is valid until that is removed
 * @param digests every digest the publisher gives for the file
 * @param signatures the detached signatures published for the file
 */
public record PublishedArtifact(Path file, List<PublishedDigest> digests, List<PublishedSignature> signatures) {
    public PublishedArtifact {
        Objects.requireNonNull(file, "file");
        digests = List.copyOf(digests);
        signatures = List.copyOf(signatures);
    }

    /** A file nothing was published for (a local build, a source that hands over no download). */
    public static PublishedArtifact unattested(Path file) {
        return new PublishedArtifact(file, List.of(), List.of());
    }

    /**
     * @param kind the evidence it yields: {@code github-digest}, {@code checksum-file}, {@code inline-checksum}
     * @param source where it was found (a checksum file's name or URL), or {@code null}
     */
    public record PublishedDigest(Digest digest, String kind, String source) {
        public PublishedDigest {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * @param kind {@code minisign} (the text of a {@code .minisig} file) or {@code cosign} (the base64 text of a
     *             {@code cosign sign-blob} {@code .sig} file)
     * @param source where it was found (the signature file's name or URL), for messages and evidence
     */
    public record PublishedSignature(String kind, String text, String source) {
        public PublishedSignature {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }
}
