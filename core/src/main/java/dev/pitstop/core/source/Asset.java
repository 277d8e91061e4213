package dev.pitstop.core.source;

import dev.pitstop.core.trust.Digest;
import java.net.URI;
import java.util.Objects;

/**
 * One downloadable file of a release.
 *
 * @param size bytes, or {@code -1} when unknown
 * @param digest the digest the host computed (GitHub's {@code assets[].digest}), or {@code null}
 * @param contentType the declared media type, or {@code null}
 */
public record Asset(String name, URI downloadUrl, long size, Digest digest, String contentType) {
    public Asset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(downloadUrl, "downloadUrl");
    }

    public static Asset of(String name) {
        return new Asset(name, URI.create("about:" + name.replace(' ', '_')), -1, null, null);
    }
}
