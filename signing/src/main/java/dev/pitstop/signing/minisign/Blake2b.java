package dev.pitstop.signing.minisign;

import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** BLAKE2b (Bouncy Castle) over byte arrays and whole files, as minisign uses it. */
final class Blake2b {
    private Blake2b() {}

    static byte[] hash(int bits, byte[]... parts) {
        Blake2bDigest d = new Blake2bDigest(bits);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[bits / 8];
        d.doFinal(out, 0);
        return out;
    }

    static byte[] hashFile(Path file) {
        Blake2bDigest d = new Blake2bDigest(512);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new PitstopException("cannot read " + file + ": " + e, e);
        }
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }
}
