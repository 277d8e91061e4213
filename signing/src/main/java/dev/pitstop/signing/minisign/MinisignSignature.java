package dev.pitstop.signing.minisign;

import dev.pitstop.signing.MalformedTrustInputException;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code .minisig} file: the signature over the file ({@code Ed}: over the file itself, {@code ED}: over its
 * BLAKE2b-512 hash) and the global signature over that signature and the trusted comment.
 */
public final class MinisignSignature {
    private final boolean prehashed;
    private final byte[] keyId;
    private final byte[] signature;
    private final String untrustedComment;
    private final String trustedComment;
    private final byte[] globalSignature;

    MinisignSignature(boolean prehashed, byte[] keyId, byte[] signature, String untrustedComment,
                      String trustedComment, byte[] globalSignature) {
        this.prehashed = prehashed;
        this.keyId = keyId.clone();
        this.signature = signature.clone();
        this.untrustedComment = untrustedComment;
        this.trustedComment = trustedComment;
        this.globalSignature = globalSignature.clone();
    }

    /** @param source names the input in error messages, usually the {@code .minisig} file */
    public static MinisignSignature parse(String text, String source) {
        List<String> lines = MinisignText.lines(text);
        if (lines.size() != 4) {
            throw new MalformedTrustInputException(source, "a minisign signature has 4 lines, this has " + lines.size());
        }
        String untrusted = MinisignText.comment(source, lines.get(0), MinisignText.UNTRUSTED);
        byte[] raw = MinisignText.decode(source, "signature", lines.get(1), 74);
        String trusted = MinisignText.comment(source, lines.get(2), MinisignText.TRUSTED);
        byte[] global = MinisignText.decode(source, "global signature", lines.get(3), 64);
        boolean prehashed;
        if (raw[0] == 'E' && raw[1] == 'd') {
            prehashed = false;
        } else if (raw[0] == 'E' && raw[1] == 'D') {
            prehashed = true;
        } else {
            throw new MalformedTrustInputException(source, "unknown signature algorithm (neither 'Ed' nor 'ED')");
        }
        return new MinisignSignature(prehashed, Arrays.copyOfRange(raw, 2, 10), Arrays.copyOfRange(raw, 10, 74),
                untrusted, trusted, global);
    }

    /** Whether the signature covers the file's BLAKE2b-512 hash ({@code ED}) rather than the file ({@code Ed}). */
    public boolean prehashed() {
        return prehashed;
    }

    /** The id of the key that made it, as minisign prints it. */
    public String keyId() {
        return MinisignText.keyIdHex(keyId);
    }

    byte[] keyIdBytes() {
        return keyId.clone();
    }

    byte[] signature() {
        return signature.clone();
    }

    byte[] globalSignature() {
        return globalSignature.clone();
    }

    public String untrustedComment() {
        return untrustedComment;
    }

    /** Signed text (minisign: {@code timestamp:… file:…}); only trust it after verification. */
    public String trustedComment() {
        return trustedComment;
    }

    /** The text of a {@code .minisig} file. */
    public String toFileText() {
        byte[] alg = {'E', (byte) (prehashed ? 'D' : 'd')};
        return MinisignText.UNTRUSTED + untrustedComment + "\n" + MinisignText.encode(alg, keyId, signature) + "\n"
                + MinisignText.TRUSTED + trustedComment + "\n" + MinisignText.encode(globalSignature) + "\n";
    }
}
