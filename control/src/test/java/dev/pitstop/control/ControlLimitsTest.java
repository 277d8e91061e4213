package dev.pitstop.control;

import dev.pitstop.testkit.FakeEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.testkit.UnixSocketHttp;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlLimitsTest {
    @TempDir Path dir;
    final FakeEngine engine = new FakeEngine();
    final List<SocketChannel> clients = new ArrayList<>();
    ControlServer server;

    @BeforeEach
    void start() {
        server = new ControlServer(engine, dir.resolve(".pitstop"), TestText.LINES);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (SocketChannel client : clients) {
            client.close();
        }
        server.close();
    }

    SocketChannel open() throws Exception {
        SocketChannel client = UnixSocketHttp.connect(server.socketPath());
        clients.add(client);
        return client;
    }

    @Test
    void beyondTheDocumentedLimitAConnectionIsRefusedWith503AndASentence() throws Exception {
        for (int i = 0; i < ControlServer.MAX_CONNECTIONS; i++) {
            UnixSocketHttp.send(open(), "GET /v1/processes/nats/logs?follow=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.logFollowers.size() == ControlServer.MAX_CONNECTIONS);
        // docs/cli.md: 503 for more than 16 connections at once (before, 16 more were queued first)
        UnixSocketHttp.Reply refused = UnixSocketHttp.request(server.socketPath(), "GET", "/v1/processes");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"the stack is busy: all 16 control connections are in use "
                + "(each logs -f or events -f holds one); close one and try again\"}\n");

        for (SocketChannel client : clients) {
            client.close();
        }
        clients.clear();
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.logFollowers.isEmpty());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> UnixSocketHttp.request(server.socketPath(), "GET", "/v1/processes").status() == 200);
    }

    @Test
    void anHttp10ClientGetsThePlainStreamClosedAtTheEnd() throws Exception {
        SocketChannel client = open();
        UnixSocketHttp.send(client, "GET /v1/processes/nats/logs?n=1&follow=1&format=text HTTP/1.0\r\n\r\n");
        AtomicReference<String> received = ControlFollowTest.collect(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.logFollowers.size() == 1);
        engine.emitLog("nats", "after");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.get().contains("after"));
        assertThat(received.get()).doesNotContain("Transfer-Encoding").endsWith("\r\n\r\nnats line 3\nafter\n");
    }
}
