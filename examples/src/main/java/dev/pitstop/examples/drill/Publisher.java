package dev.pitstop.examples.drill;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.PublishOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Publishes numbered orders to JetStream and waits for each ack; an order without an ack is sent again under the
 * same message id, so a server restart loses nothing and stores nothing twice. With a third argument it writes the
 * last acknowledged number there when it stops (the drill's {@code inject}; it is rewritten on every ack), and prints the
 * longest time it waited between two acks.
 * Usage: {@code Publisher NATS_URL SUBJECT [ACKED_FILE]}
 */
public final class Publisher {
    private static volatile long acked;
    private static volatile long maxGapMs;

    private Publisher() {}

    public static void main(String[] args) throws Exception {
        String subject = args[1];
        Path ackedFile = args.length > 2 ? Path.of(args[2]) : null;
        if (ackedFile != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("publisher stopped: acked " + acked + ", max gap " + maxGapMs + " ms");
                writeAcked(ackedFile);
            }, "publisher-acked"));
        }
        Connection nc = Streams.connect(args[0], "publisher");
        Streams.ensure(nc);
        JetStream js = nc.jetStream(JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(2)).build());
        String run = Long.toString(ProcessHandle.current().pid());
        System.out.println("publisher connected to " + args[0]);
        long lastAck = System.nanoTime();
        for (long n = 1; ; ) {
            try {
                js.publish(subject, Long.toString(n).getBytes(StandardCharsets.US_ASCII),
                        PublishOptions.builder().messageId(run + "-" + n).build());
                acked = n;
                if (ackedFile != null) {
                    writeAcked(ackedFile); // a watcher (the soak's baseline) sees each ack
                }
                long now = System.nanoTime();
                maxGapMs = Math.max(maxGapMs, (now - lastAck) / 1_000_000);
                lastAck = now;
                if (n % 100 == 0) {
                    System.out.println("published " + n);
                }
                n++;
            } catch (IOException | JetStreamApiException | IllegalStateException e) {
                System.out.println("no ack for " + n + " (" + e.getMessage() + "), sending it again");
            }
            Thread.sleep(20);
        }
    }

    private static synchronized void writeAcked(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(acked));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e.getMessage());
        }
    }
}
