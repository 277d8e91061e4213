package dev.pitstop.drill.nats;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The stream read back from the start with an ordered consumer: how often each number is in it. */
final class ReadBack {
    private final Map<Long, Integer> counts = new HashMap<>();
    private long total;

    static ReadBack read(JetStream js, String stream, String subject, long expected, Duration timeout)
            throws IOException, JetStreamApiException, InterruptedException {
        ReadBack read = new ReadBack();
        JetStreamSubscription sub = js.subscribe(subject, PushSubscribeOptions.builder().stream(stream).ordered(true)
                .build());
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (read.total < expected && System.nanoTime() < deadline) {
                Message m = sub.nextMessage(Duration.ofMillis(500));
                if (m != null) {
                    read.add(Long.parseLong(new String(m.getData(), StandardCharsets.US_ASCII)));
                }
            }
        } finally {
            sub.unsubscribe();
        }
        return read;
    }

    private void add(long n) {
        counts.merge(n, 1, Integer::sum);
        total++;
    }

    int count(long n) {
        return counts.getOrDefault(n, 0);
    }

    long total() {
        return total;
    }

    long duplicated() {
        return counts.values().stream().mapToLong(c -> c - 1).sum();
    }
}
