package dev.pitstop.manifest;

import dev.pitstop.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * SHA-256 of a stream while it is copied, so that storing a binary reads it once (files already stored are
 * hashed with {@link Sha256#ofFile}). Large reads keep the JDK's SHA-256 intrinsic busy.
 */
final class Hashing {
    /** 1 MiB: larger than this showed no gain in {@code benchmarks/store}, smaller costs syscalls. */
    static final int BUFFER = 1 << 20;

    private Hashing() {}

    /** Bytes copied and their SHA-256. */
    record Copied(Sha256 sha256, long size) {}

    static Copied copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            size += n;
        }
        return new Copied(Sha256.of(digest.digest()), size);
    }
}
