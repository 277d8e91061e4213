package dev.pitstop.fetchers.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitstop.core.Sha256;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API responses kept on disk with their {@code ETag}: the next GET sends {@code If-None-Match} and a
 * {@code 304} reuses the stored body (GitHub does not count 304s against the rate limit).
 * One JSON file per URL under the cache folder; a damaged entry is ignored and rewritten.
 */
public final class EtagCache {
    private static final Logger LOG = LoggerFactory.getLogger(EtagCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final HttpTransport http;

    public EtagCache(Path folder, HttpTransport http) {
        this.folder = folder;
        this.http = http;
    }

    /** A response from the server or, when unchanged, from the cache ({@code fromCache} true). */
    public record Cached(int status, String body, Optional<String> link, boolean fromCache) {}

    public Cached get(URI uri, Map<String, String> headers) {
        Path file = folder.resolve(Sha256.of(Sha256.newDigest().digest(uri.toString().getBytes(StandardCharsets.UTF_8)))
                .hex() + ".json");
        Optional<JsonNode> stored = read(file);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        stored.map(s -> s.path("etag").asText(null)).ifPresent(etag -> sent.put("If-None-Match", etag));
        TextResponse response = http.get(uri, sent);
        if (response.status() == 304 && stored.isPresent()) {
            JsonNode s = stored.get();
            return new Cached(200, s.path("body").asText(), Optional.ofNullable(s.path("link").asText(null)), true);
        }
        Optional<String> link = response.header("Link");
        if (response.status() == 200) {
            response.header("ETag").ifPresent(etag -> write(file, uri, etag, link, response.body()));
        }
        return new Cached(response.status(), response.body(), link, false);
    }

    private static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            LOG.debug("ignoring unreadable cache entry {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void write(Path file, URI uri, String etag, Optional<String> link, String body) {
        ObjectNode node = JSON.createObjectNode();
        node.put("url", HttpTransport.redact(uri));
        node.put("etag", etag);
        link.ifPresent(l -> node.put("link", l));
        node.put("body", body);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".entry", ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), node);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // the cache only saves requests; failing to write it must not fail the fetch
            LOG.warn("cannot write API cache entry {}: {}", file, e.getMessage());
        }
    }
}
