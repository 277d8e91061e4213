package dev.pitstop.ui;

import dev.pitstop.control.ControlJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Whole answers: JSON of a record, or one line of text. Each returns {@code true}, as a handled request. */
final class Replies {
    private final ControlJson json;

    Replies(ControlJson json) {
        this.json = json;
    }

    boolean json(Response response, Callback callback, int status, Object value) {
        return send(response, callback, status, "application/json; charset=utf-8", json.write(value));
    }

    boolean error(Response response, Callback callback, int status, String message) {
        return send(response, callback, status, "application/json; charset=utf-8", json.error(message));
    }

    String write(Object value) {
        return json.write(value);
    }

    static boolean text(Response response, Callback callback, int status, String line) {
        return send(response, callback, status, "text/plain; charset=utf-8", line + "\n");
    }

    static boolean send(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
