package dev.pitstop.core;

import dev.pitstop.core.store.LockedArtifact;
import java.util.Objects;

/**
 * One binary locked for one platform.
 *
 * @param platform the platform's key in the lock ({@code linux/amd64})
 * @param locked what was recorded
 * @param changed whether it differs from what the lock held before for that platform (the time aside)
 */
public record LockResult(String binary, String platform, LockedArtifact locked, boolean changed) {
    public LockResult {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(locked, "locked");
    }
}
