package dev.pitstop.drill.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in JetStream integrity check: while the reloads happen, a publisher sends numbered messages and waits
 * for each acknowledgement (a failed publish is sent again under the same {@code Nats-Msg-Id}, as a careful
 * producer does); afterwards the stream is read back and acked, stored and consumed are compared.
 */
public final class JetStreamCheck implements AutoCloseable {
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    static final long INTERVAL_MILLIS = 10;

    private final String stream;
    private final String subject;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong reconnects = new AtomicLong();
    private final Connection connection;
    private final JetStream js;
    private final Publisher publisher;
    private final Thread thread;

    private JetStreamCheck(String url, String stream, String subject) throws IOException, InterruptedException {
        this.stream = stream;
        this.subject = subject;
        Options options = new Options.Builder().server(url).connectionName("pitstop-drill")
                .maxReconnects(-1).reconnectWait(Duration.ofMillis(100)).connectionTimeout(Duration.ofSeconds(2))
                .errorListener(new ErrorListener() {}) // the outages are the point; they are counted, not logged
                .connectionListener((conn, event) -> {
                    if (event == ConnectionListener.Events.RECONNECTED) {
                        reconnects.incrementAndGet();
                    }
                })
                .build();
        this.connection = Nats.connect(options);
        this.js = connection.jetStream(JetStreamOptions.builder().requestTimeout(PUBLISH_TIMEOUT).build());
        this.publisher = new Publisher(js, stream, subject, runId, INTERVAL_MILLIS);
        this.thread = new Thread(publisher, "pitstop-drill-jetstream-publisher");
    }

    /** Connects, creates the stream on file storage (or empties the one there), and starts publishing. */
    public static JetStreamCheck start(String url, String stream, String subject) throws IOException,
            InterruptedException {
        JetStreamCheck check = new JetStreamCheck(url, stream, subject);
        try {
            check.prepare();
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            check.close();
            throw new IOException("cannot prepare JetStream stream " + stream + " at " + url + ": " + e.getMessage(), e);
        }
        check.thread.start();
        return check;
    }

    private void prepare() throws IOException, JetStreamApiException {
        JetStreamManagement jsm = connection.jetStreamManagement();
        StreamConfiguration config = StreamConfiguration.builder().name(stream).subjects(subject)
                .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build();
        if (jsm.getStreamNames().contains(stream)) {
            jsm.purgeStream(stream);
        } else {
            jsm.addStream(config);
        }
    }

    /** The highest number acknowledged so far. */
    public long acked() {
        return publisher.acked();
    }

    /** Stops publishing, then reads the stream back and counts. */
    public JetStreamCounts finish(Duration readTimeout) throws IOException, InterruptedException {
        publisher.stop();
        thread.join(PUBLISH_TIMEOUT.toMillis() * 3);
        try {
            long stored = connection.jetStreamManagement().getStreamInfo(stream).getStreamState().getMsgCount();
            ReadBack read = ReadBack.read(js, stream, subject, stored, readTimeout);
            long acked = publisher.acked();
            long lost = 0;
            for (long n = 1; n <= acked; n++) {
                lost += read.count(n) == 0 ? 1 : 0;
            }
            return new JetStreamCounts(acked, stored, read.total(), lost, read.duplicated(), publisher.retries(),
                    publisher.deduped(), publisher.maxGapMs(), reconnects.get());
        } catch (JetStreamApiException e) {
            throw new IOException("cannot read stream " + stream + ": " + e.getMessage(), e);
        }
    }

    static byte[] payload(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws InterruptedException {
        publisher.stop();
        if (thread.isAlive()) {
            thread.join(PUBLISH_TIMEOUT.toMillis() * 3);
        }
        connection.close();
    }
}
