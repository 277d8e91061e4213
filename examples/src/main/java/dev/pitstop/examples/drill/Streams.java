package dev.pitstop.examples.drill;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;

/** What the example's services share: a connection that reconnects for ever, and the ORDERS stream. */
final class Streams {
    static final String STREAM = "ORDERS";

    private Streams() {}

    static Connection connect(String url, String name) throws IOException, InterruptedException {
        Options options = new Options.Builder().server(url).connectionName(name).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(200)).errorListener(new ErrorListener() {})
                .connectionListener((conn, event) -> System.out.println(name + ": " + event))
                .build();
        return Nats.connect(options);
    }

    /** Creates the stream unless it is there; a service that loses the race to create it finds it there. */
    static void ensure(Connection nc) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = nc.jetStreamManagement();
        if (jsm.getStreamNames().contains(STREAM)) {
            return;
        }
        try {
            jsm.addStream(StreamConfiguration.builder().name(STREAM).subjects("orders.>")
                    .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build());
        } catch (JetStreamApiException e) {
            if (!jsm.getStreamNames().contains(STREAM)) {
                throw e;
            }
        }
    }
}
