package dev.pitstop.signing;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.TrustSettings;
import dev.pitstop.signing.minisign.MinisignPublicKey;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What evidence one binary must come with, from its {@code binaries:} entry:
 * {@code checksum: required | if-published | off} (default {@code if-published}; any other value, such as a
 * checksum URL, means {@code required}), {@code signature: required | if-published | off} (default
 * {@code required} when a key is given, else {@code off}; a URL or path means {@code required}), {@code public_key:} a minisign key or the path of a
 * {@code .pub} file, {@code cosign_key:} a PEM key or the path of one.
 */
public record TrustPolicy(String binary, Mode checksum, Mode signature, String publicKey, String cosignKey) {

    public enum Mode {
        REQUIRED("required"), IF_PUBLISHED("if-published"), OFF("off");

        private final String yaml;

        Mode(String yaml) {
            this.yaml = yaml;
        }

        @Override
        public String toString() {
            return yaml;
        }
    }

    private static final Set<String> ON = Set.of("true", "yes", "on");
    private static final Set<String> OFF = Set.of("false", "no");

    public TrustPolicy {
        if (signature == Mode.REQUIRED && publicKey == null && cosignKey == null) {
            throw new PolicyViolationException(binary, "signature: required needs public_key (minisign) or cosign_key");
        }
    }

    public static TrustPolicy of(BinarySpec spec) {
        TrustSettings s = spec.trust();
        String publicKey = text(s.publicKey(), "public_key", spec.name());
        String cosignKey = text(s.cosignKey(), "cosign_key", spec.name());
        Mode checksum = mode(s.checksum(), "checksum", spec.name(), Mode.IF_PUBLISHED, true);
        Mode signatureDefault = publicKey != null || cosignKey != null ? Mode.REQUIRED : Mode.OFF;
        Mode signature = mode(s.signature(), "signature", spec.name(), signatureDefault, false);
        return new TrustPolicy(spec.name(), checksum, signature, publicKey, cosignKey);
    }

    /** The minisign key, read from the file {@code public_key} names (relative to {@code baseDir}) or given inline. */
    public Optional<MinisignPublicKey> minisignKey(Path baseDir) {
        if (publicKey == null) {
            return Optional.empty();
        }
        String trimmed = publicKey.strip();
        if (looksInline(trimmed)) {
            return Optional.of(MinisignPublicKey.parse(trimmed, "binary " + binary + ": public_key"));
        }
        Path file = baseDir.resolve(trimmed);
        return Optional.of(MinisignPublicKey.parse(read(file, "public_key"), file.toString()));
    }

    /** A bare minisign key is 56 base64 characters encoding "Ed", a key id and the key: {@code RW…}. */
    private static boolean looksInline(String s) {
        if (!s.startsWith("RW") || s.length() != 56) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(s).length == 42;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The cosign key's PEM text, inline or read from the file {@code cosign_key} names. */
    public Optional<String> cosignKeyPem(Path baseDir) {
        if (cosignKey == null) {
            return Optional.empty();
        }
        return Optional.of(cosignKey.contains("-----BEGIN") ? cosignKey : read(baseDir.resolve(cosignKey.strip()), "cosign_key"));
    }

    private String read(Path file, String key) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PitstopException("binary " + binary + ": " + key + ": no such file " + file, e);
        } catch (CharacterCodingException e) {
            throw new MalformedTrustInputException(file.toString(), "is not a text file (not UTF-8)", e);
        } catch (IOException e) {
            throw new PitstopException("binary " + binary + ": " + key + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(String value, String key, String binary) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new PolicyViolationException(binary, key + ": expected a key or a file path, found '" + value + "'");
        }
        return value;
    }

    private static Mode mode(String value, String key, String binary, Mode fallback, boolean otherMeansRequired) {
        if (value == null) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (ON.contains(v) || OFF.contains(v)) {
            // YAML 1.1 spells booleans on/off, yes/no as well
            return ON.contains(v) ? Mode.REQUIRED : Mode.OFF;
        }
        for (Mode m : Mode.values()) {
            if (m.yaml.equals(v) || m.name().equalsIgnoreCase(v)) {
                return m;
            }
        }
        // A location (URL, path, inline digest, mapping) says where the evidence is, so it must be there;
        // treating the unknown as "required" also fails safe.
        if (otherMeansRequired || v.contains("/") || v.contains(".")) {
            return Mode.REQUIRED;
        }
        throw new PolicyViolationException(binary, key + ": '" + value + "' is not one of required, if-published, off");
    }
}
