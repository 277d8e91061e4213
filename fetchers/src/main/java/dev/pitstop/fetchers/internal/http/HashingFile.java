package dev.pitstop.fetchers.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Writes a file and hashes it in the same pass; can start over when a server ignores a Range request. */
public final class HashingFile implements AutoCloseable {
    private final Path file;
    private final Set<String> algorithms;
    private final FileChannel channel;
    private Map<String, MessageDigest> digests;
    private long size;

    public HashingFile(Path file, Set<String> algorithms) throws IOException {
        this.file = file;
        this.algorithms = Set.copyOf(algorithms);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.digests = newDigests(this.algorithms);
    }

    public long size() {
        return size;
    }

    /** Drops everything written so far. */
    public void restart() throws IOException {
        channel.truncate(0);
        channel.position(0);
        digests = newDigests(algorithms);
        size = 0;
    }

    public void write(ByteBuffer buffer) throws IOException {
        for (MessageDigest d : digests.values()) {
            d.update(buffer.duplicate());
        }
        while (buffer.hasRemaining()) {
            size += channel.write(buffer);
        }
    }

    /** Copies a whole stream (a local file, a mirror folder) through the same hashing path. */
    public void copyFrom(InputStream in) throws IOException {
        byte[] bytes = new byte[1 << 16];
        for (int n; (n = in.read(bytes)) > 0; ) {
            write(ByteBuffer.wrap(bytes, 0, n));
        }
    }

    /** The digests; no fsync: the file is a staging copy, and the store makes its own copy durable. */
    public Download finish(int resumed) throws IOException {
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((alg, d) -> hex.put(alg, HexFormat.of().formatHex(d.digest())));
        return new Download(file, size, hex, resumed);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static Map<String, MessageDigest> newDigests(Set<String> algorithms) {
        Map<String, MessageDigest> map = new LinkedHashMap<>();
        for (String alg : algorithms) {
            try {
                map.put(alg, MessageDigest.getInstance(switch (alg) {
                    case "sha256" -> "SHA-256";
                    case "sha512" -> "SHA-512";
                    default -> throw new IllegalArgumentException("unsupported digest algorithm: " + alg);
                }));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK lacks " + alg, e);
            }
        }
        return map;
    }
}
