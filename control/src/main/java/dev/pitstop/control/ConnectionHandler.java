package dev.pitstop.control;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.process.UnknownProcessException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves one connection: reads the request within a deadline, routes it, and maps failures to statuses. */
final class ConnectionHandler {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    /** A client that connects and sends nothing must not hold a thread. */
    static final long REQUEST_READ_SECONDS = 10;
    static final long REFUSE_READ_MILLIS = 200;

    private final Routes routes;
    private final Answers answers;
    private final ScheduledExecutorService timer;
    private final Set<SocketChannel> connections;
    private final Lanes lanes;

    ConnectionHandler(Routes routes, Answers answers, ScheduledExecutorService timer,
                      Set<SocketChannel> connections, Lanes lanes) {
        this.routes = routes;
        this.lanes = lanes;
        this.answers = answers;
        this.timer = timer;
        this.connections = connections;
    }

    /**
     * Reads the request on a reader thread. A quick read is answered there; an operation or a follow stream is
     * handed to the work lane, so that reads such as {@code ps} are never queued behind long reloads.
     */
    void serve(SocketChannel channel) {
        ScheduledFuture<?> deadline = timer.schedule(() -> closeQuietly(channel), REQUEST_READ_SECONDS, TimeUnit.SECONDS);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 8192);
        HttpRequest request;
        try {
            request = HttpRequest.read(new BufferedInputStream(Channels.newInputStream(channel), 4096));
        } catch (BadRequestException e) {
            fail(new HttpResponse(out, true), e.status(), e.getMessage(), false);
            end(channel);
            return;
        } catch (IOException | UncheckedIOException e) {
            log.debug("control client went away: {}", e.toString());
            end(channel);
            return;
        } finally {
            deadline.cancel(false);
        }
        if (!lanes.isWork(request)) {
            respond(channel, out, request);
            return;
        }
        try {
            lanes.work().execute(() -> respond(channel, out, request));
        } catch (RejectedExecutionException e) {
            fail(new HttpResponse(out, request.http11()), 503, lanes.busy(), answers.text(request.param("format", "json")));
            end(channel);
        }
    }

    private void respond(SocketChannel channel, OutputStream out, HttpRequest request) {
        HttpResponse response = new HttpResponse(out, request.http11());
        boolean text = false;
        try {
            text = answers.text(request.param("format", "json"));
            Reply reply = routes.handle(request);
            if (reply.stream() != null) {
                reply.stream().write(new HttpStreamSink(response, channel, answers, text));
            } else {
                response.send(reply.status(), Answers.type(text), answers.body(reply.kind(), reply.value(), text));
            }
        } catch (BadRequestException e) {
            fail(response, e.status(), e.getMessage(), text);
        } catch (UnknownProcessException e) {
            fail(response, 404, e.getMessage(), text);
        } catch (PitstopException e) {
            fail(response, 409, e.getMessage(), text);
        } catch (IOException | UncheckedIOException e) {
            log.debug("control client went away: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("control request failed", e);
            fail(response, 500, "the stack failed to answer (a bug): " + e.getMessage()
                    + "; the details are in its log, .pitstop/pitstop.out", text);
        } finally {
            end(channel);
        }
    }

    private void end(SocketChannel channel) {
        closeQuietly(channel);
        connections.remove(channel);
    }

    /**
     * Answers 503 on the accepting thread (all handler threads are busy). It first reads what the client sends
     * of its request, for at most {@link #REFUSE_READ_MILLIS}: closing a Unix socket with unread input resets
     * the connection, and the client would lose the answer. The bound doubles as back-pressure on a flood.
     */
    void refuse(SocketChannel channel, String reason) {
        try {
            readRequestHead(channel, REFUSE_READ_MILLIS);
            new HttpResponse(Channels.newOutputStream(channel), true).send(503, HttpResponse.JSON,
                    answers.error(reason, false));
        } catch (IOException e) {
            log.debug("refused control client went away: {}", e.toString());
        } finally {
            end(channel);
        }
    }

    /** Reads and discards input until the blank line after the headers, the end of input, or the deadline. */
    private static void readRequestHead(SocketChannel channel, long millis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        ByteBuffer buf = ByteBuffer.allocate(HttpRequest.MAX_LINE);
        int matched = 0; // bytes of "\r\n\r\n" seen in a row
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                selector.select(left);
                selector.selectedKeys().clear();
                buf.clear();
                int n = channel.read(buf);
                if (n < 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buf.get(i);
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4) {
                        return;
                    }
                }
            }
        } finally {
            channel.configureBlocking(true);
        }
    }

    private void fail(HttpResponse response, int status, String message, boolean text) {
        if (response.committed()) {
            return; // mid-stream: closing the connection is the only signal left
        }
        try {
            response.send(status, Answers.type(text), answers.error(message, text));
        } catch (IOException e) {
            log.debug("control client went away before the error: {}", e.toString());
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is best effort: the peer may be gone already
        }
    }
}
