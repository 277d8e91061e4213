package dev.pitstop.manifest;

import dev.pitstop.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * SHA-256 of files and of streams being copied. Large reads keep the JDK's SHA-256 intrinsic busy; the copy
 * and the hash share one read so that storing a binary reads it once.
 */
final class Hashing {
    /** 1 MiB: larger than this showed no gain in {@code benchmarks/store}, smaller costs syscalls. */
    static final int BUFFER = 1 << 20;

    private Hashing() {}

    /** Bytes copied and their SHA-256. */
    record Copied(Sha256 sha256, long size) {}

    static Sha256 hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream()).sha256();
        }
    }

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
