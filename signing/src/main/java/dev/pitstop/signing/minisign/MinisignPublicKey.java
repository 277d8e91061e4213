package dev.pitstop.signing.minisign;

import dev.pitstop.signing.MalformedTrustInputException;
import java.util.Arrays;
import java.util.List;

/** A minisign public key: algorithm {@code Ed}, an 8-byte key id and a raw Ed25519 key. */
public final class MinisignPublicKey {
    private final byte[] keyId;
    private final byte[] key;

    MinisignPublicKey(byte[] keyId, byte[] key) {
        this.keyId = keyId.clone();
        this.key = key.clone();
    }

    /**
     * Reads a {@code .pub} file's text or the bare base64 key that {@code minisign -P} takes.
     *
     * @param source names the input in error messages
     */
    public static MinisignPublicKey parse(String text, String source) {
        List<String> lines = MinisignText.lines(text);
        if (lines.isEmpty()) {
            throw new MalformedTrustInputException(source, "is empty, expected a minisign public key");
        }
        String blob = lines.get(lines.size() == 1 ? 0 : 1);
        if (lines.size() > 2 || (lines.size() == 2 && !lines.get(0).startsWith(MinisignText.UNTRUSTED))) {
            throw new MalformedTrustInputException(source,
                    "is not a minisign public key (expected 'untrusted comment: …' and one base64 line)");
        }
        byte[] raw = MinisignText.decode(source, "public key", blob, 42);
        if (raw[0] != 'E' || raw[1] != 'd') {
            throw new MalformedTrustInputException(source, "public key algorithm is not Ed25519 ('Ed')");
        }
        return new MinisignPublicKey(Arrays.copyOfRange(raw, 2, 10), Arrays.copyOfRange(raw, 10, 42));
    }

    /** The key id as minisign prints it, for example {@code 13438465D603C011}. */
    public String keyId() {
        return MinisignText.keyIdHex(keyId);
    }

    byte[] keyIdBytes() {
        return keyId.clone();
    }

    byte[] key() {
        return key.clone();
    }

    /** The bare key, as {@code minisign -P} takes it. */
    public String toBase64() {
        return MinisignText.encode(new byte[] {'E', 'd'}, keyId, key);
    }

    /** The text of a {@code .pub} file. */
    public String toFileText() {
        return MinisignText.UNTRUSTED + "minisign public key " + keyId() + "\n" + toBase64() + "\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinisignPublicKey k && Arrays.equals(keyId, k.keyId) && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "minisign key " + keyId();
    }
}
