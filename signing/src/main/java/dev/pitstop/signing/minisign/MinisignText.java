package dev.pitstop.signing.minisign;

import dev.pitstop.signing.MalformedTrustInputException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The shared pieces of minisign's text formats: comment lines, base64 blobs, key ids. */
final class MinisignText {
    static final String UNTRUSTED = "untrusted comment: ";
    static final String TRUSTED = "trusted comment: ";

    private MinisignText() {}

    /** The non-empty lines, without line terminators. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    static byte[] decode(String source, String what, String base64, int expectedLength) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedTrustInputException(source, what + " is not base64: " + e.getMessage(), e);
        }
        if (bytes.length != expectedLength) {
            throw new MalformedTrustInputException(source,
                    what + " has " + bytes.length + " bytes, minisign's has " + expectedLength + " (truncated?)");
        }
        return bytes;
    }

    static String comment(String source, String line, String prefix) {
        if (!line.startsWith(prefix)) {
            throw new MalformedTrustInputException(source, "expected a line starting with '" + prefix.strip()
                    + "', found '" + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "'");
        }
        return line.substring(prefix.length());
    }

    /** minisign prints a key id as the little-endian 64-bit number it is, in upper-case hex. */
    /** The key id as minisign prints it: the little-endian 64-bit number in upper-case hex, no leading zeros. */
    static String keyIdHex(byte[] keyId) {
        long id = java.nio.ByteBuffer.wrap(keyId).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        return Long.toHexString(id).toUpperCase(Locale.ROOT);
    }

    static String encode(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return Base64.getEncoder().encodeToString(all);
    }
}
