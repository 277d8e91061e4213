package dev.pitstop.drill.nats;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import io.nats.client.PublishOptions;
import java.io.IOException;

/** Publishes 1, 2, 3, … and waits for each acknowledgement; a number is sent again until it is acknowledged. */
final class Publisher implements Runnable {
    private final JetStream js;
    private final String stream;
    private final String subject;
    private final String runId;
    private final long intervalMillis;
    private volatile boolean stopped;
    private volatile long acked;
    private volatile long retries;
    private volatile long deduped;
    private volatile long maxGapMs;

    Publisher(JetStream js, String stream, String subject, String runId, long intervalMillis) {
        this.js = js;
        this.stream = stream;
        this.subject = subject;
        this.runId = runId;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void run() {
        long n = 1;
        long lastAck = System.nanoTime();
        while (!stopped) {
            PublishOptions options = PublishOptions.builder().expectedStream(stream).messageId(runId + "-" + n).build();
            try {
                PublishAck ack = js.publish(subject, JetStreamCheck.payload(n), options);
                long now = System.nanoTime();
                maxGapMs = Math.max(maxGapMs, (now - lastAck) / 1_000_000);
                lastAck = now;
                deduped += ack.isDuplicate() ? 1 : 0;
                acked = n++;
            } catch (IOException | JetStreamApiException | IllegalStateException e) {
                // no ack (the server is restarting): the same number goes again under the same message id
                retries++;
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    void stop() {
        stopped = true;
    }

    long acked() {
        return acked;
    }

    long retries() {
        return retries;
    }

    long deduped() {
        return deduped;
    }

    long maxGapMs() {
        return maxGapMs;
    }
}
