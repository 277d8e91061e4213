package dev.pitstop.fetchers;

import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.Digest;
import java.util.Optional;

/**
 * A stand-in for the signing module's parser, for these tests only: {@code sha256sum} lines ({@code hex  name}
 * or {@code hex *name}) and one-hash files.
 */
public final class SumsParser implements ChecksumParser {
    @Override
    public Optional<Digest> find(String text, String fileName) {
        String[] lines = text.strip().split("\\R");
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 1 && lines.length == 1) {
                return Optional.of(digest(parts[0]));
            }
            if (parts.length == 2) {
                String name = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
                if (name.equals(fileName) || name.endsWith("/" + fileName)) {
                    return Optional.of(digest(parts[0]));
                }
            }
        }
        return Optional.empty();
    }

    private static Digest digest(String hex) {
        return new Digest(hex.length() == 128 ? "sha512" : "sha256", hex);
    }
}
