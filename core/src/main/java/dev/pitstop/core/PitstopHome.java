package dev.pitstop.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Pitstop's per-user folder: the content-addressed store and download caches.
 * {@code $PITSTOP_HOME}, else {@code $XDG_CACHE_HOME/pitstop}, else {@code ~/.cache/pitstop}.
 */
public record PitstopHome(Path root) {
    public PitstopHome {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public static PitstopHome fromEnvironment(Map<String, String> env, Path userHome) {
        String explicit = env.get("PITSTOP_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return new PitstopHome(Path.of(explicit));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new PitstopHome(Path.of(xdg, "pitstop"));
        }
        return new PitstopHome(userHome.resolve(".cache").resolve("pitstop"));
    }

    /** The content-addressed binary store. */
    public Path store() {
        return root.resolve("store");
    }

    /** Download and API-response caches (may be deleted at any time). */
    public Path cache() {
        return root.resolve("cache");
    }
}
