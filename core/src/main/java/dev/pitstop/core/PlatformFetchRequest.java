package dev.pitstop.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A fetch for another platform ({@link Engine#fetchFor}): the binaries are verified and extracted into
 * {@code outputDir}, neither trusted, stored nor recorded, since they are not meant to run here.
 */
public record PlatformFetchRequest(Platform platform, BinarySelection binaries, Path outputDir) {
    public PlatformFetchRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(binaries, "binaries");
        Objects.requireNonNull(outputDir, "outputDir");
    }
}
