package dev.pitstop.fetchers.internal.archive;

import dev.pitstop.core.Sha256;
import java.nio.file.Path;

/**
 * One regular file written by the extractor.
 *
 * @param relative its path inside the archive, with {@code /} separators
 * @param sha256 computed while it was written
 */
public record Extracted(String relative, Path file, boolean executable, long size, Sha256 sha256) {
    public String fileName() {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? relative : relative.substring(slash + 1);
    }
}
