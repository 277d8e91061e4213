package dev.pitstop.fetchers.internal.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A small response read whole: API JSON, checksum files. */
public record TextResponse(URI uri, int status, HttpHeaders headers, String body) {
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
