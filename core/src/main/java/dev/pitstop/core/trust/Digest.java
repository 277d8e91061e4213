package dev.pitstop.core.trust;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A published digest: algorithm ({@code sha256} or {@code sha512}) and lower-case hex. */
public record Digest(String algorithm, String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Digest {
        algorithm = Objects.requireNonNull(algorithm, "algorithm").toLowerCase(Locale.ROOT);
        hex = Objects.requireNonNull(hex, "hex").toLowerCase(Locale.ROOT);
        int expected = switch (algorithm) {
            case "sha256" -> 64;
            case "sha512" -> 128;
            default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        };
        if (hex.length() != expected || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a " + algorithm + " hex digest: '" + hex + "'");
        }
    }

    /** Parses GitHub's {@code assets[].digest} form {@code sha256:<hex>}. */
    public static Digest parse(String prefixed) {
        int colon = prefixed.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("digest must be algorithm:hex, for example sha256:ab12…: '" + prefixed + "'");
        }
        return new Digest(prefixed.substring(0, colon), prefixed.substring(colon + 1));
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
