package dev.pitstop.fetchers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pitstop.core.source.TransferMeter;
import dev.pitstop.fetchers.HttpSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport makes its HTTP client on the first request, once: a supervisor that never downloads does not load
 * TLS and the trust store, nor start the client's selector thread.
 */
class HttpTransportClientTest {
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/text", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/text");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theClientIsMadeOnTheFirstRequestAndOnlyOnce() {
        AtomicInteger made = new AtomicInteger();
        HttpTransport transport = new HttpTransport(() -> {
            made.incrementAndGet();
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        }, HttpSettings.defaults(), new TransferMeter());
        assertThat(made).hasValue(0);

        assertThat(transport.get(uri, Map.of()).body()).isEqualTo("hello");
        assertThat(transport.get(uri, Map.of()).body()).isEqualTo("hello");

        assertThat(made).hasValue(1);
    }

    @Test
    void aClientThatFollowsRedirectsItselfIsRefused() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new HttpTransport(following, HttpSettings.defaults(), new TransferMeter()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
        HttpTransport lazy = new HttpTransport(() -> following, HttpSettings.defaults(), new TransferMeter());
        assertThatThrownBy(() -> lazy.get(uri, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
    }
}
