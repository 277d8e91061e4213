package dev.pitstop.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A local file to store as a new version of one binary of the stack ({@link Engine#install}).
 *
 * <pre>{@code
 * engine.install(InstallRequest.of("nats", Path.of("build/nats-server")).version("v2.11.0-dev").forced());
 * }</pre>
 *
 * @param version the version label; empty to derive one from the file's SHA-256
 * @param force apply even bytes that were marked bad before, or that are already current
 */
public record InstallRequest(String binary, Path file, Optional<String> version, boolean force) {
    public InstallRequest {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(file, "file");
        version = Objects.requireNonNull(version, "version").filter(v -> !v.isBlank());
    }

    public static InstallRequest of(String binary, Path file) {
        return new InstallRequest(binary, file, Optional.empty(), false);
    }

    /** The same request with a version label. */
    public InstallRequest version(String label) {
        return new InstallRequest(binary, file, Optional.ofNullable(label), force);
    }

    /** The same request, applied even if its bytes were marked bad or are current. */
    public InstallRequest forced() {
        return new InstallRequest(binary, file, version, true);
    }
}
