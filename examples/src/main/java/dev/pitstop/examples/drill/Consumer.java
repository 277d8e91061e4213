package dev.pitstop.examples.drill;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes orders through a durable JetStream consumer and acks each one; the consumer lives in the server, so
 * after a reload of the server (or of this service) it resumes where it was.
 * Usage: {@code Consumer NATS_URL SUBJECT DURABLE}
 */
public final class Consumer {
    private Consumer() {}

    public static void main(String[] args) throws Exception {
        Connection nc = Streams.connect(args[0], "consumer");
        Streams.ensure(nc);
        JetStream js = nc.jetStream();
        AtomicLong consumed = new AtomicLong();
        Dispatcher dispatcher = nc.createDispatcher();
        js.subscribe(args[1], dispatcher, msg -> {
            msg.ack();
            if (consumed.incrementAndGet() % 100 == 0) {
                System.out.println("consumed " + consumed.get());
            }
        }, false, PushSubscribeOptions.builder().stream(Streams.STREAM)
                .configuration(ConsumerConfiguration.builder().durable(args[2]).build()).build());
        System.out.println("consumer connected to " + args[0]);
        new CountDownLatch(1).await(); // runs until stopped
    }
}
