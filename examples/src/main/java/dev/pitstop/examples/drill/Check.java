package dev.pitstop.examples.drill;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The drill's {@code check}: reads SUBJECT back from the ORDERS stream and exits 1 if a number up to the last one
 * the inject publisher saw acknowledged is missing, or if any number is stored twice.
 * Usage: {@code Check NATS_URL SUBJECT ACKED_FILE}
 */
public final class Check {
    private Check() {}

    public static void main(String[] args) throws Exception {
        long acked = Long.parseLong(Files.readString(Path.of(args[2])).strip());
        Map<Long, Integer> seen = new HashMap<>();
        try (Connection nc = Streams.connect(args[0], "check")) {
            JetStream js = nc.jetStream();
            JetStreamSubscription sub = js.subscribe(args[1], PushSubscribeOptions.builder().stream(Streams.STREAM)
                    .ordered(true).build());
            for (Message m = sub.nextMessage(Duration.ofSeconds(2)); m != null; m = sub.nextMessage(Duration.ofSeconds(1))) {
                seen.merge(Long.parseLong(new String(m.getData(), StandardCharsets.US_ASCII)), 1, Integer::sum);
            }
        }
        long lost = 0;
        for (long n = 1; n <= acked; n++) {
            lost += seen.containsKey(n) ? 0 : 1;
        }
        long duplicated = seen.values().stream().mapToLong(c -> c - 1).sum();
        System.out.println("acked " + acked + ", stored " + seen.size() + " distinct, lost " + lost + ", duplicated "
                + duplicated);
        System.exit(acked > 0 && lost == 0 && duplicated == 0 ? 0 : 1);
    }
}
