package dev.pitstop.core.store;

import dev.pitstop.core.Sha256;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file in the content-addressed store, at {@code <store>/sha256/<hex>/<name>}, read-only.
 *
 * @param size in bytes
 * @param path absolute path of the stored file; what {@code .pitstop/bin/<name>} links to
 */
public record StoredBinary(Sha256 sha256, String name, long size, Path path) {
    public StoredBinary {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
