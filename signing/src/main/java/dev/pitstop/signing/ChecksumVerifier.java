package dev.pitstop.signing;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.trust.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes files with SHA-256 or SHA-512 and compares them with published digests. */
public final class ChecksumVerifier {

    /** Hashes {@code file} in one streaming pass with the algorithm of {@code Digest} ({@code sha256}, {@code sha512}). */
    public Digest digest(Path file, String algorithm) {
        MessageDigest md = newDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new PitstopException("cannot read " + file + ": " + e, e);
        }
        return new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
    }

    /**
     * @return the digest computed, equal to {@code expected}
     * @throws ChecksumMismatchException naming the file, the expected and the actual digest
     */
    public Digest verify(Path file, Digest expected) {
        Digest actual = digest(file, expected.algorithm());
        byte[] a = HexFormat.of().parseHex(actual.hex());
        byte[] b = HexFormat.of().parseHex(expected.hex());
        if (!MessageDigest.isEqual(a, b)) {
            throw new ChecksumMismatchException(String.valueOf(file.getFileName()), expected, actual);
        }
        return actual;
    }

    private static MessageDigest newDigest(String algorithm) {
        String jca = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        };
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + jca, e);
        }
    }
}
