package dev.pitstop.ui;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** A server-sent-events answer, written from one thread; a write to a browser that left throws. */
final class SseSink {
    private final Response response;

    SseSink(Response response) {
        this.response = response;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
    }

    /** One event; {@code data} is one line of JSON. */
    void event(String name, String data) throws IOException {
        write("event: " + name + "\ndata: " + data + "\n\n");
    }

    /** A comment line: keeps the connection open and finds out whether the browser is still there. */
    void ping() throws IOException {
        write(": ping\n\n");
    }

    private void write(String text) throws IOException {
        try (Blocker.Callback done = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), done);
            done.block();
        }
    }
}
