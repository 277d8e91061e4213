package dev.pitstop.core.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The per-stack links {@code <stateDir>/bin/<name>} → the store file of the current version. A process
 * started as {@code ${bin:name}} runs whatever the link points to when it starts.
 */
public interface BinLinks {

    /**
     * Points {@code bin/<name>} at {@code binary}, atomically: a reader sees the old target or the new one,
     * never no link.
     *
     * @return the link's path
     */
    Path switchTo(Path stateDir, String name, StoredBinary binary);

    /** The store file {@code bin/<name>} points to, or empty if there is no link. */
    Optional<Path> current(Path stateDir, String name);

    /** The link's path, whether it exists or not. */
    Path link(Path stateDir, String name);
}
