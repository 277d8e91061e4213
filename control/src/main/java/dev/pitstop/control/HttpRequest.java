package dev.pitstop.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request as read from the control socket: request line, headers, and a Content-Length body.
 *
 * <p>Hand-written on purpose: {@code com.sun.net.httpserver} binds only to TCP addresses and none of our
 * dependencies serves HTTP on a Unix domain socket, so the control channel carries the smallest subset of
 * HTTP/1.1 that curl and our client use (one request per connection, no request chunking, no trailers).
 */
record HttpRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                   byte[] body, boolean http11) {

    static final int MAX_LINE = 8192;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY = 1 << 20;

    /** Reads one request; throws {@link BadRequestException} for anything malformed or too large. */
    static HttpRequest read(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            throw new BadRequestException(400, "empty request");
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/")) {
            throw new BadRequestException(400, "malformed request line: '" + requestLine + "'");
        }
        boolean http11 = switch (parts[2]) {
            case "HTTP/1.1" -> true;
            case "HTTP/1.0" -> false;
            default -> throw new BadRequestException(505, "unsupported protocol version: '" + parts[2] + "'");
        };
        Map<String, String> headers = readHeaders(in);
        if (http11 && !headers.containsKey("host")) {
            throw new BadRequestException(400, "HTTP/1.1 request without a Host header");
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new BadRequestException(411, "chunked request bodies are not supported; send Content-Length");
        }
        byte[] body = readBody(in, headers.get("content-length"));
        String target = parts[1];
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        // in a path "+" is a literal plus, not a space as in a query
        return new HttpRequest(parts[0], decode(rawPath.replace("+", "%2B")), parseQuery(q < 0 ? "" : target.substring(q + 1)),
                headers, body, http11);
    }

    /** A request without headers or body from a method and a target ({@code /path?query}), for in-process calls. */
    static HttpRequest of(String method, String target) {
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        return new HttpRequest(method, decode(rawPath.replace("+", "%2B")),
                parseQuery(q < 0 ? "" : target.substring(q + 1)), Map.of(), new byte[0], true);
    }

    /** The last value of a query parameter, or {@code fallback}. */
    String param(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        String value = param(name, "0");
        return value.isEmpty() || value.equals("1") || value.equalsIgnoreCase("true");
    }

    int intParam(String name, int fallback) {
        String value = param(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "query parameter '" + name + "' must be a non-negative integer, not '"
                    + value + "'");
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line == null) {
                throw new BadRequestException(400, "connection closed inside the headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (count == MAX_HEADERS) {
                throw new BadRequestException(431, "more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).chars().anyMatch(c -> c <= ' ')) {
                throw new BadRequestException(400, "malformed header line: '" + line + "'");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (name.equals("content-length") && headers.containsKey(name)) {
                // two lengths leave the body's end undefined: answer at once instead of waiting for bytes
                throw new BadRequestException(400, "the request has more than one Content-Length header");
            }
            headers.put(name, line.substring(colon + 1).strip());
        }
    }

    private static byte[] readBody(InputStream in, String contentLength) throws IOException {
        if (contentLength == null) {
            return new byte[0];
        }
        long length;
        try {
            length = Long.parseLong(contentLength);
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "malformed Content-Length: '" + contentLength + "'");
        }
        if (length < 0 || length > MAX_BODY) {
            throw new BadRequestException(413, "Content-Length " + length + " is outside 0.." + MAX_BODY);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new BadRequestException(400, "body ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    /** A line without its CRLF (a bare LF is tolerated), or {@code null} at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() == MAX_LINE) {
                throw new BadRequestException(431, "request line or header longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new BadRequestException(400, "connection closed inside a line");
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "malformed percent-encoding in '" + s + "'");
        }
    }
}
