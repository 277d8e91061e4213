package dev.pitstop.control.pc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the route table: the token check Process Compose's {@code TokenAuthMiddleware} does, the route lookup
 * (an unknown route is gin's plain-text 404), and refusals as {@code 400 {"error": ...}}.
 */
final class PcHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PcHandler.class);
    /** Process Compose's names take a few hundred bytes; its bodies are short lists. */
    private static final int MAX_BODY = 1 << 20;

    private final List<PcRoute> routes;
    private final Optional<byte[]> token;
    private final ObjectMapper json;

    PcHandler(List<PcRoute> routes, Optional<String> token, ObjectMapper json) {
        this.routes = routes;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (token.isPresent() && !tokenMatches(exchange.getRequestHeaders().getFirst(ProcessComposeApi.TOKEN_HEADER))) {
                LOG.warn("Process Compose API: refused {} {}: invalid or missing token", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath());
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            PcReply reply = answer(exchange);
            if (reply == null) {
                byte[] text = "404 page not found".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(404, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            byte[] body = json.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            reply.after().run();
        }
    }

    private PcReply answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        for (PcRoute route : routes) {
            Optional<Map<String, String>> params = route.match(method, path);
            if (params.isPresent()) {
                Map<String, String> all = new java.util.HashMap<>(params.get());
                query(exchange.getRequestURI().getRawQuery(), all);
                return run(route, all, body(exchange.getRequestBody()));
            }
        }
        return null;
    }

    private static PcReply run(PcRoute route, Map<String, String> params, byte[] body) {
        try {
            return route.action().answer(params, body);
        } catch (PitstopException | IllegalArgumentException | IllegalStateException e) {
            return PcReply.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PcReply(503, Map.of("error", "interrupted"));
        } catch (RuntimeException e) {
            LOG.warn("Process Compose API: {} failed", route.pattern(), e);
            return new PcReply(500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(token.orElseThrow(), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("request body over " + MAX_BODY + " bytes");
        }
        return bytes;
    }

    /** Query parameters ({@code withMemory=true}); path parameters win over a query of the same name. */
    private static void query(String raw, Map<String, String> into) {
        if (raw == null) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.putIfAbsent(key, value);
        }
    }
}
