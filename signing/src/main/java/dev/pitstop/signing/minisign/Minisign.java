package dev.pitstop.signing.minisign;

import dev.pitstop.core.PitstopException;
import dev.pitstop.signing.BadSignatureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Verifies and makes minisign signatures, byte-compatible with {@code minisign -V} and {@code minisign -S}.
 * Verification checks, in minisign's order: the key id, the signature over the file (or its BLAKE2b-512
 * hash), then the global signature that binds the trusted comment.
 */
public final class Minisign {
    /** The JDK's Ed25519 needs the whole message in memory; minisign signs large files prehashed anyway. */
    private static final long LEGACY_LIMIT = 1L << 30;

    /**
     * @return the verified trusted comment
     * @throws BadSignatureException if the key id differs, the file changed, or the trusted comment was altered
     */
    public String verify(Path file, MinisignSignature signature, MinisignPublicKey key) {
        String name = String.valueOf(file.getFileName());
        if (!Arrays.equals(signature.keyIdBytes(), key.keyIdBytes())) {
            throw new BadSignatureException(name, "signed with minisign key " + signature.keyId()
                    + ", not with the trusted key " + key.keyId());
        }
        byte[] message = signature.prehashed() ? Blake2b.hashFile(file) : readSmall(file);
        if (!Ed25519.verify(key.key(), message, signature.signature())) {
            throw new BadSignatureException(name, "minisign signature does not match the file (key "
                    + key.keyId() + "): the file was altered or the signature belongs to another file");
        }
        if (!Ed25519.verify(key.key(), global(signature.signature(), signature.trustedComment()),
                signature.globalSignature())) {
            throw new BadSignatureException(name, "the trusted comment of the minisign signature was altered");
        }
        return signature.trustedComment();
    }

    /** Signs {@code file} prehashed ({@code ED}), as minisign 0.11 does by default. */
    public MinisignSignature sign(Path file, MinisignSecretKey key, String trustedComment) {
        if (trustedComment.contains("\n") || trustedComment.contains("\r")) {
            throw new IllegalArgumentException("a trusted comment is one line");
        }
        byte[] sig = Ed25519.sign(key.seed(), Blake2b.hashFile(file));
        byte[] global = Ed25519.sign(key.seed(), global(sig, trustedComment));
        return new MinisignSignature(true, key.keyIdBytes(), sig, "signature from minisign secret key",
                trustedComment, global);
    }

    private static byte[] global(byte[] signature, String trustedComment) {
        byte[] comment = trustedComment.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(signature, signature.length + comment.length);
        System.arraycopy(comment, 0, all, signature.length, comment.length);
        return all;
    }

    private static byte[] readSmall(Path file) {
        try {
            if (Files.size(file) > LEGACY_LIMIT) {
                throw new BadSignatureException(String.valueOf(file.getFileName()),
                        "legacy (non-prehashed) minisign signatures are supported up to 1 GiB; sign with minisign 0.11+");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PitstopException("cannot read " + file + ": " + e, e);
        }
    }
}
