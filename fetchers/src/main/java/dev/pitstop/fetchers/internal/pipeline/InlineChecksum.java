package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.trust.Digest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A digest written in the stack file ({@code checksum: sha256:<hex>}, or a bare SHA-256 hex). The trust policy's
 * words ({@code required}, {@code if-published}, {@code off}) are not digests and give none.
 */
public final class InlineChecksum {
    private static final Set<String> POLICY_WORDS = Set.of("required", "if-published", "off", "on", "true",
            "false", "yes", "no");

    private InlineChecksum() {
    }

    /** @param key where the value was written, for the error ({@code checksum}, {@code platforms.x.checksum}) */
    public static Optional<Digest> parse(String binary, String key, String value) {
        if (value == null || value.isBlank() || POLICY_WORDS.contains(value.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String s = value.strip();
        try {
            return Optional.of(s.indexOf(':') < 0 ? new Digest("sha256", s) : Digest.parse(s));
        } catch (IllegalArgumentException e) {
            throw new FetchException("binaries." + binary + "." + key + ": '" + s + "': " + e.getMessage());
        }
    }
}
