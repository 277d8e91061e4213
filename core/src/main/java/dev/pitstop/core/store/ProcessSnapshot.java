package dev.pitstop.core.store;

import dev.pitstop.core.Sha256;
import java.time.Instant;
import java.util.Objects;

/**
 * One running process at the moment of a snapshot.
 *
 * @param startTime when the OS started it; with the PID it tells a restart apart from a PID reuse
 * @param executable SHA-256 of {@code /proc/<pid>/exe}, or {@code null} if it could not be read
 * @param version the manifest version whose SHA-256 that is, or {@code null} if none matches
 */
public record ProcessSnapshot(String name, long pid, Instant startTime, Sha256 executable, String version) {
    public ProcessSnapshot {
        Objects.requireNonNull(name, "name");
    }
}
