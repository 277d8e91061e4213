package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.fetchers.internal.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a small text file from HTTP(S) or a local {@code file:} URI (mirrors on disk). */
public final class TextReader {
    private final HttpTransport http;

    public TextReader(HttpTransport http) {
        this.http = http;
    }

    public Optional<String> read(URI uri) {
        if ("file".equals(uri.getScheme())) {
            Path file = Path.of(uri);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new FetchException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return http.getTextIfPresent(uri);
    }
}
