package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.fetchers.internal.http.Tee;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a download's bytes to the extracting thread, through a bounded queue. The downloader writes; the
 * extractor reads it as an {@link InputStream}. Either side can give up: a restarted download makes the reader
 * fail with {@link Broken} (the pipeline then extracts from the finished file instead), and a reader that
 * stopped makes further writes no-ops.
 */
final class BytePipe extends InputStream implements Tee {
    /** The bytes seen so far are void; extract from the file afterwards. */
    static final class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken() {
            super("download restarted; extracting from the finished file instead");
        }
    }

    private static final byte[] END = new byte[0];
    private static final byte[] BROKEN = new byte[0];

    private final ArrayBlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(256);
    private final Duration readTimeout;
    private volatile boolean readerGone;
    private volatile boolean broken;
    private byte[] current = new byte[0];
    private int position;
    private long bytesRead;

    BytePipe(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    // writer side

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        if (readerGone || broken || !bytes.hasRemaining()) {
            return;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        put(copy);
    }

    @Override
    public void restarted() {
        broken = true;
        queue.clear();
        queue.offer(BROKEN);
    }

    /** No more bytes will come. */
    void finish() throws IOException {
        if (!broken) {
            put(END);
        }
    }

    /** The download failed or was refused: make the reader stop. */
    void abort() {
        restarted();
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!readerGone && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the reader is busy writing files; wait for room unless it gave up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the extractor");
        }
    }

    // reader side

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            if (current == END) {
                return -1;
            }
            byte[] next;
            try {
                next = queue.poll(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for download bytes");
            }
            if (next == null) {
                throw new IOException("no download bytes for " + readTimeout.toSeconds() + " s");
            }
            if (next == BROKEN || broken) {
                throw new Broken();
            }
            current = next;
            position = 0;
            if (next == END) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        bytesRead += n;
        return n;
    }

    @Override
    public void close() {
        readerGone = true;
        queue.clear();
    }
}
