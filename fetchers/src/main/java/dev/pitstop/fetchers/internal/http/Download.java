package dev.pitstop.fetchers.internal.http;

import java.nio.file.Path;
import java.util.Map;

/**
 * A finished download.
 *
 * @param digests hex digest per requested algorithm ({@code sha256}, {@code sha512}), computed in the same pass
 * @param resumed how many times the transfer continued after a broken connection
 */
public record Download(Path file, long size, Map<String, String> digests, int resumed) {
    public Download {
        digests = Map.copyOf(digests);
    }
}
