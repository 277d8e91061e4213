package dev.pitstop.fetchers.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read chunk by chunk with a deadline on each chunk: {@code HttpClient}'s own input stream
 * blocks forever when a server stalls mid-body, and a stalled download must count as a broken connection.
 */
final class BodyStream implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
    private static final Object END = new Object();
    /** Chunks in flight: enough to keep the connection busy while the file is written, bounded in memory. */
    private static final int WINDOW = 64;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    /** Reads the body of a response obtained with {@code BodyHandlers.ofPublisher()}. */
    static BodyStream of(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
        BodyStream stream = new BodyStream();
        response.body().subscribe(stream);
        return stream;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(WINDOW);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /** The next chunk, or {@code null} at the end of the body. */
    @SuppressWarnings("unchecked")
    List<ByteBuffer> next(Duration readTimeout) throws IOException, InterruptedException {
        Object item = queue.poll(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            close();
            throw new IOException("no data for " + readTimeout.toSeconds() + " s; connection considered broken");
        }
        if (item == END) {
            return null;
        }
        if (item instanceof Throwable t) {
            throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
        }
        subscription.request(1);
        return (List<ByteBuffer>) item;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
