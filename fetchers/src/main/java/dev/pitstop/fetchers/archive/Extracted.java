package dev.pitstop.fetchers.archive;

import java.nio.file.Path;

/**
 * One regular file written by the extractor.
 *
 * @param relative its path inside the archive, with {@code /} separators
 */
public record Extracted(String relative, Path file, boolean executable, long size) {
    public String fileName() {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? relative : relative.substring(slash + 1);
    }
}
