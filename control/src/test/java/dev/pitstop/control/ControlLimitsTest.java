package dev.pitstop.control;

import dev.pitstop.core.Engine;
import dev.pitstop.testkit.FakeEngine;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.testkit.UnixSocketHttp;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mockito.AdditionalAnswers;
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
    void beyondTheDocumentedLimitAStreamIsRefusedWith503AndASentenceWhileReadsAreStillAnswered() throws Exception {
        for (int i = 0; i < Lanes.WORK; i++) {
            UnixSocketHttp.send(open(), "GET /v1/processes/nats/logs?follow=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.logFollowers.size() == Lanes.WORK);
        // docs/cli.md: 503 for more than 64 operations and streams at once, none is queued
        UnixSocketHttp.Reply refused = UnixSocketHttp.request(server.socketPath(), "GET", "/v1/events?follow=1");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"the stack is busy: 64 operations and follow streams are "
                + "in flight (each logs -f or events -f holds one); wait for one to end and try again\"}\n");
        assertThat(UnixSocketHttp.request(server.socketPath(), "GET", "/v1/processes").status()).isEqualTo(200);

        for (SocketChannel client : clients) {
            client.close();
        }
        clients.clear();
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.logFollowers.isEmpty());
        UnixSocketHttp.send(open(), "GET /v1/processes/nats/logs?follow=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.logFollowers.size() == 1);
    }

    @Test
    void psIsAnsweredWhileTwentyReloadsAreInFlight() throws Exception {
        server.close();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reloading = new AtomicInteger();
        Engine slow = mock(Engine.class, AdditionalAnswers.delegatesTo(engine));
        doAnswer(call -> {
            reloading.incrementAndGet();
            release.await(30, TimeUnit.SECONDS);
            return engine.reload(call.getArgument(0));
        }).when(slow).reload(anyString());
        server = new ControlServer(slow, dir.resolve(".pitstop-slow"), TestText.LINES);
        server.start();
        try {
            for (int i = 0; i < 20; i++) {
                UnixSocketHttp.send(open(), "POST /v1/processes/nats/reload HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> reloading.get() == 20);
            // the finding: with 20 reloads in flight, 3 of 10 `ps` over the socket were answered 503
            for (int i = 0; i < 10; i++) {
                assertThat(UnixSocketHttp.request(server.socketPath(), "GET", "/v1/processes").status()).isEqualTo(200);
            }
        } finally {
            release.countDown();
        }
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
