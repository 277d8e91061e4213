package dev.pitstop.core.process;

import dev.pitstop.core.Sha256;
import java.util.Objects;

/**
 * A managed binary a process runs, as the manifest records its current version.
 *
 * @param version the version label ({@code v2.9.10+68c83ad1})
 * @param commit the git commit it was built from, or {@code null}
 */
public record ProcessBinary(String name, String version, Sha256 sha256, String commit) {
    public ProcessBinary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
    }
}
