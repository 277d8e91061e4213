package dev.pitstop.signing.minisign;

import dev.pitstop.signing.MalformedTrustInputException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * An unencrypted minisign secret key ({@code minisign -G -W}). The file is
 * {@code base64(sig_alg "Ed" ‖ kdf_alg ‖ chk_alg "B2" ‖ salt[32] ‖ opslimit[8] ‖ memlimit[8] ‖ key_id[8] ‖
 * sk[64] ‖ chk[32])} with {@code kdf_alg = "\0\0"} (no password) and
 * {@code chk = BLAKE2b-256(sig_alg ‖ key_id ‖ sk)}; {@code sk} is the Ed25519 seed followed by the public key.
 */
public final class MinisignSecretKey {
    private static final int LENGTH = 158;

    private final byte[] keyId;
    private final byte[] seed;
    private final byte[] publicKey;

    private MinisignSecretKey(byte[] keyId, byte[] seed, byte[] publicKey) {
        this.keyId = keyId.clone();
        this.seed = seed.clone();
        this.publicKey = publicKey.clone();
    }

    /** A fresh key pair with a random key id. */
    public static MinisignSecretKey generate() {
        byte[][] pair = Ed25519.generate();
        byte[] keyId = new byte[8];
        new SecureRandom().nextBytes(keyId);
        return new MinisignSecretKey(keyId, pair[0], pair[1]);
    }

    /** @param source names the input in error messages */
    public static MinisignSecretKey parse(String text, String source) {
        List<String> lines = MinisignText.lines(text);
        if (lines.size() != 2) {
            throw new MalformedTrustInputException(source, "a minisign secret key has 2 lines, this has " + lines.size());
        }
        MinisignText.comment(source, lines.get(0), MinisignText.UNTRUSTED);
        byte[] raw = MinisignText.decode(source, "secret key", lines.get(1), LENGTH);
        if (raw[0] != 'E' || raw[1] != 'd' || raw[4] != 'B' || raw[5] != '2') {
            throw new MalformedTrustInputException(source, "is not an Ed25519 minisign secret key");
        }
        if (raw[2] != 0 || raw[3] != 0) {
            throw new MalformedTrustInputException(source, "is password-protected; Pitstop reads only keys without "
                    + "a password (pitstop keygen, or minisign -G -W)");
        }
        byte[] keyId = Arrays.copyOfRange(raw, 54, 62);
        byte[] sk = Arrays.copyOfRange(raw, 62, 126);
        byte[] chk = Arrays.copyOfRange(raw, 126, 158);
        // minisign 0.11 leaves the checksum of a passwordless key zero; any other value must match.
        if (!Arrays.equals(chk, new byte[32]) && !MessageDigest.isEqual(chk, checksum(keyId, sk))) {
            throw new MalformedTrustInputException(source, "checksum does not match: the key is damaged");
        }
        MinisignSecretKey key = new MinisignSecretKey(keyId, Arrays.copyOf(sk, 32), Arrays.copyOfRange(sk, 32, 64));
        byte[] probe = {'p', 'i', 't', 's', 't', 'o', 'p'};
        if (!Ed25519.verify(key.publicKey, probe, Ed25519.sign(key.seed, probe))) {
            throw new MalformedTrustInputException(source, "secret and public halves do not belong together");
        }
        return key;
    }

    private static byte[] checksum(byte[] keyId, byte[] sk) {
        return Blake2b.hash(256, new byte[] {'E', 'd'}, keyId, sk);
    }

    public MinisignPublicKey publicKey() {
        return new MinisignPublicKey(keyId, publicKey);
    }

    public String keyId() {
        return MinisignText.keyIdHex(keyId);
    }

    byte[] keyIdBytes() {
        return keyId.clone();
    }

    byte[] seed() {
        return seed.clone();
    }

    /** The text of the secret key file; keep it private (mode 0600). */
    public String toFileText() {
        byte[] sk = new byte[64];
        System.arraycopy(seed, 0, sk, 0, 32);
        System.arraycopy(publicKey, 0, sk, 32, 32);
        byte[] header = {'E', 'd', 0, 0, 'B', '2'};
        return MinisignText.UNTRUSTED + "minisign secret key (no password)\n"
                + MinisignText.encode(header, new byte[48], keyId, sk, checksum(keyId, sk)) + "\n";
    }

    @Override
    public String toString() {
        return "minisign secret key " + keyId();
    }
}
