package dev.pitstop.signing;

import dev.pitstop.core.trust.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a release published alongside a binary: digests and detached signatures, each with where it came from.
 */
public record Published(List<PublishedDigest> digests, List<PublishedSignature> signatures) {
    public static final Published NOTHING = new Published(List.of(), List.of());

    public Published {
        digests = List.copyOf(digests);
        signatures = List.copyOf(signatures);
    }

    /**
     * @param kind the evidence kind it yields: {@code github-digest}, {@code checksum-file}, {@code inline-checksum}
     * @param source where it was found (the checksum file's URL, "GitHub API", "stack file")
     */
    public record PublishedDigest(Digest digest, String kind, String source) {
        public PublishedDigest {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * @param kind {@code minisign} ({@code .minisig} text) or {@code cosign} (base64 {@code .sig} text)
     * @param source where it was found, for messages and evidence
     */
    public record PublishedSignature(String kind, String text, String source) {
        public PublishedSignature {
            if (!"minisign".equals(kind) && !"cosign".equals(kind)) {
                throw new IllegalArgumentException("signature kind must be minisign or cosign: " + kind);
            }
            Objects.requireNonNull(text, "text");
        }
    }

    public Published withDigest(Digest digest, String kind, String source) {
        List<PublishedDigest> d = new ArrayList<>(digests);
        d.add(new PublishedDigest(digest, kind, source));
        return new Published(d, signatures);
    }

    public Published withSignature(String kind, String text, String source) {
        List<PublishedSignature> s = new ArrayList<>(signatures);
        s.add(new PublishedSignature(kind, text, source));
        return new Published(digests, s);
    }
}
