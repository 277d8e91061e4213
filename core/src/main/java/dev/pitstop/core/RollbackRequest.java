package dev.pitstop.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Which earlier stored version of a binary to make current again ({@link Engine#rollback}).
 *
 * <pre>{@code
 * engine.rollback(RollbackRequest.previous("nats"));
 * engine.rollback(RollbackRequest.to("nats", "v2.10.22").forced());
 * }</pre>
 *
 * @param to a version label or SHA-256 prefix (at least 6 hex digits); empty for the version before the current one
 * @param force use it even if it was marked bad
 */
public record RollbackRequest(String binary, Optional<String> to, boolean force) {
    public RollbackRequest {
        Objects.requireNonNull(binary, "binary");
        to = Objects.requireNonNull(to, "to").filter(v -> !v.isBlank());
    }

    /** Back to the version that was current before the current one. */
    public static RollbackRequest previous(String binary) {
        return new RollbackRequest(binary, Optional.empty(), false);
    }

    /** Back to the version with this label or SHA-256 prefix. */
    public static RollbackRequest to(String binary, String versionOrSha) {
        return new RollbackRequest(binary, Optional.of(Objects.requireNonNull(versionOrSha, "versionOrSha")), false);
    }

    /** The same request, allowed to use a version marked bad. */
    public RollbackRequest forced() {
        return new RollbackRequest(binary, to, true);
    }
}
