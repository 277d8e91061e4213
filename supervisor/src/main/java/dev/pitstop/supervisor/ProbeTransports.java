package dev.pitstop.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.channels.AsynchronousChannelGroup;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What {@code http_get} and {@code tcp} probes talk through, made at their first use: a stack without such probes
 * loads neither the HTTP client (its classes and its selector thread) nor a channel group (its thread), which is
 * part of keeping {@code pitstop up}'s start-up short.
 */
final class ProbeTransports implements AutoCloseable {
    private final Executor executor;
    private HttpClient http;
    private AsynchronousChannelGroup sockets;
    private boolean closed;

    /** @param executor where the HTTP client completes its requests */
    ProbeTransports(Executor executor) {
        this.executor = executor;
    }

    /** The client of every {@code http_get} probe of the stack run; follows redirects, as Go's client does. */
    synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NORMAL).build(); // as Process Compose probes, with Go's client
        }
        return http;
    }

    /** The channel group of every {@code tcp} probe of the stack run. */
    synchronized AsynchronousChannelGroup sockets() {
        if (closed) {
            throw new IllegalStateException("the stack run is closed");
        }
        if (sockets == null) {
            try {
                sockets = AsynchronousChannelGroup.withFixedThreadPool(1, new NamedThreads("pitstop-tcp-probe"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the TCP probe channel group", e);
            }
        }
        return sockets;
    }

    @Override
    public void close() {
        AsynchronousChannelGroup group;
        synchronized (this) {
            closed = true;
            group = sockets;
        }
        if (group == null) {
            return;
        }
        group.shutdown();
        try {
            group.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
