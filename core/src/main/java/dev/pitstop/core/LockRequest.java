package dev.pitstop.core;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Engine#lock} pins: the binaries, for each of the platforms.
 *
 * @param platforms the platforms to lock; empty to lock again the platforms each binary is locked for already (this
 *                  machine's when none)
 */
public record LockRequest(List<Platform> platforms, BinarySelection binaries) {
    public LockRequest {
        platforms = List.copyOf(Objects.requireNonNull(platforms, "platforms")).stream().distinct().toList();
        Objects.requireNonNull(binaries, "binaries");
    }

    public static LockRequest of(List<Platform> platforms) {
        return new LockRequest(platforms, BinarySelection.all());
    }
}
