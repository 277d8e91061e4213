package dev.pitstop.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the answer to one request: either a whole body with Content-Length, or a stream of chunks
 * ({@code Transfer-Encoding: chunked}, plain bytes until close for an HTTP/1.0 client). Every response
 * carries {@code Connection: close}: one request per connection keeps both sides trivial.
 */
final class HttpResponse {
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String TEXT = "text/plain; charset=utf-8";

    private final OutputStream out;
    private final boolean chunkedAllowed;
    private boolean committed;
    private boolean chunked;

    HttpResponse(OutputStream out, boolean chunkedAllowed) {
        this.out = out;
        this.chunkedAllowed = chunkedAllowed;
    }

    boolean committed() {
        return committed;
    }

    void send(int status, String contentType, String body) throws IOException {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        head(status, contentType, "Content-Length: " + body.length);
        out.write(body);
        out.flush();
    }

    /** Starts a streamed body; follow with {@link #chunk} calls and one {@link #endChunks}. */
    void startChunks(String contentType) throws IOException {
        chunked = chunkedAllowed;
        head(200, contentType, chunked ? "Transfer-Encoding: chunked" : null);
        out.flush();
    }

    void chunk(byte[] data) throws IOException {
        if (data.length == 0) {
            return; // an empty chunk would end the body
        }
        if (chunked) {
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data);
            out.write(CRLF);
        } else {
            out.write(data);
        }
        out.flush();
    }

    void endChunks() throws IOException {
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private void head(int status, String contentType, String framing) throws IOException {
        if (committed) {
            throw new IllegalStateException("response already started");
        }
        committed = true;
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        if (framing != null) {
            head.append(framing).append("\r\n");
        }
        head.append("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
