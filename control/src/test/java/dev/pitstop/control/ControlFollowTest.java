package dev.pitstop.control;

import dev.pitstop.testkit.FakeEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.event.EventType;
import dev.pitstop.testkit.UnixSocketHttp;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlFollowTest {
    @TempDir Path dir;
    final FakeEngine engine = new FakeEngine();
    ControlServer server;

    @BeforeEach
    void start() {
        server = new ControlServer(engine, dir.resolve(".pitstop"), TestText.LINES);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Everything received so far, read on a helper thread so the test can look while the stream is open. */
    static AtomicReference<String> collect(SocketChannel channel) {
        AtomicReference<String> received = new AtomicReference<>("");
        Thread reader = new Thread(() -> {
            try {
                InputStream in = Channels.newInputStream(channel);
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0; ) {
                    String chunk = new String(buf, 0, n, StandardCharsets.UTF_8);
                    received.updateAndGet(s -> s + chunk);
                }
            } catch (Exception e) {
                // the test closed the channel
            }
        }, "test-follow-reader");
        reader.setDaemon(true);
        reader.start();
        return received;
    }

    @Test
    void logLinesArriveAsTheyComeAndTheStreamEndsWhenTheClientLeaves() throws Exception {
        SocketChannel client = UnixSocketHttp.connect(server.socketPath());
        UnixSocketHttp.send(client, "GET /v1/processes/nats/logs?n=1&follow=1&format=text HTTP/1.1\r\nHost: x\r\n\r\n");
        AtomicReference<String> received = collect(client);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.get().contains("nats line 3"));
        assertThat(received.get()).contains("Transfer-Encoding: chunked").doesNotContain("nats line 2");
        assertThat(engine.logFollowers).hasSize(1);

        engine.emitLog("nats", "fresh line");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.get().contains("fresh line"));

        client.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.logFollowers.isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("pitstop-control-") && isServing(t)));
    }

    @Test
    void eventsFollowSkipsWhatTheHistoryAlreadyShowed() throws Exception {
        SocketChannel client = UnixSocketHttp.connect(server.socketPath());
        UnixSocketHttp.send(client, "GET /v1/events?follow=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        AtomicReference<String> received = collect(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.get().contains("STATE_CHANGED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.listeners.size() == 1);

        engine.emitEvent(2, EventType.STATE_CHANGED, "nats", "duplicate of the history");
        engine.emitEvent(3, EventType.RELOAD_STARTED, "nats", "");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.get().contains("RELOAD_STARTED"));
        assertThat(received.get()).doesNotContain("duplicate of the history");

        client.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.listeners.isEmpty());
    }

    @Test
    void closingTheServerEndsOpenStreams() throws Exception {
        SocketChannel client = UnixSocketHttp.connect(server.socketPath());
        UnixSocketHttp.send(client, "GET /v1/processes/nats/logs?follow=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        AtomicReference<String> received = collect(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.logFollowers.size() == 1);
        server.close();
        assertThat(engine.logFollowers).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("pitstop-control"));
        client.close();
        assertThat(received.get()).contains("200 OK");
    }

    @Test
    void unknownProcessIs404BeforeAnyStream() throws Exception {
        UnixSocketHttp.Reply reply = UnixSocketHttp.request(server.socketPath(), "GET", "/v1/processes/nope/logs?follow=1");
        assertThat(reply.status()).isEqualTo(404);
    }

    private static boolean isServing(Thread t) {
        return java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("FollowStream"));
    }
}
