package dev.pitstop.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Streams items from an engine subscription to one client until the client hangs up or the server closes.
 *
 * <p>The engine's callback only offers to a bounded queue (it must never block a Pitstop thread); this
 * connection's own thread drains the queue to the socket. Between items it probes the socket without
 * blocking, so a client that disconnects is noticed within {@link #PROBE_MILLIS} even when nothing is
 * logged, and the subscription is closed: no thread or listener outlives its client.
 */
final class FollowStream<T> implements Consumer<T> {
    static final long PROBE_MILLIS = 200;
    private static final int CAPACITY = 10_000;

    private final BlockingQueue<T> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    @Override
    public void accept(T item) {
        if (!queue.offer(item)) {
            dropped.incrementAndGet();
        }
    }

    /** Items that arrived while the client read too slowly; reported once, in the stream. */
    long dropped() {
        return dropped.get();
    }

    /**
     * Writes every queued item until the client disconnects, or the server closes ({@code closing} turns
     * true, or this thread is interrupted); in the latter case the body is ended properly, so that the
     * client sees a complete answer.
     */
    void pump(SocketChannel channel, HttpResponse response, Renderer renderer, BooleanSupplier closing)
            throws IOException {
        try {
            if (copyUntilGone(channel, response, renderer, closing)) {
                response.endChunks();
            }
        } catch (InterruptedException e) {
            // a SocketChannel closes itself on I/O by an interrupted thread: write the end first, then restore
            try {
                response.endChunks();
            } finally {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns {@code true} when the server closes, {@code false} when the client left. */
    private boolean copyUntilGone(SocketChannel channel, HttpResponse response, Renderer renderer,
                                  BooleanSupplier closing) throws IOException, InterruptedException {
        long reportedDrops = 0;
        while (!closing.getAsBoolean()) {
            T item = queue.poll(PROBE_MILLIS, TimeUnit.MILLISECONDS);
            for (; item != null; item = queue.poll()) {
                String text = renderer.render(item);
                if (text != null) {
                    response.chunk(text.getBytes(StandardCharsets.UTF_8));
                }
            }
            long drops = dropped.get();
            if (drops > reportedDrops) {
                response.chunk(renderer.dropped(drops - reportedDrops).getBytes(StandardCharsets.UTF_8));
                reportedDrops = drops;
            }
            if (clientGone(channel)) {
                return false;
            }
        }
        return true;
    }

    /** A client of this protocol sends nothing after its request, so any read result but 0 means it left. */
    private static boolean clientGone(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        try {
            return channel.read(ByteBuffer.allocate(1)) != 0;
        } finally {
            channel.configureBlocking(true);
        }
    }

    /** Turns an item into the bytes of the stream. */
    interface Renderer {
        String render(Object item);

        String dropped(long count);
    }
}
