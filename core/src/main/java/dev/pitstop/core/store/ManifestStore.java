package dev.pitstop.core.store;

import dev.pitstop.core.Sha256;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads and changes {@code pitstop.lock.json} files. Every change is a read-modify-write under an OS file
 * lock (on the sibling {@code pitstop.lock.json.lock}) followed by temp file, fsync and atomic rename, so two
 * processes updating one manifest never lose an update and a reader never sees half a file.
 */
public interface ManifestStore {

    /** The manifest file's name next to the stack file. */
    String FILE_NAME = "pitstop.lock.json";

    /**
     * @return the manifest, or an empty one if the file does not exist
     * @throws ManifestCorruptException if the file exists but is not a manifest this Pitstop can read
     */
    Manifest read(Path lockFile);

    /**
     * Applies {@code change} to the current content under the lock and writes the result (unless it is equal);
     * also remembers the file so that {@link #retained} counts it.
     *
     * @return the manifest as written
     * @throws ManifestCorruptException if the file exists but cannot be read; it is then left untouched
     */
    Manifest update(Path lockFile, UnaryOperator<Manifest> change);

    /** Every manifest file this user's Pitstop has written and that still exists. */
    List<Path> knownManifests();

    /**
     * The SHA-256s that garbage collection must keep: for every binary of every known manifest, its current
     * and candidate versions and the {@code keepLast} most recent earlier ones.
     *
     * @throws ManifestCorruptException if a known manifest cannot be read (collecting then would be unsafe)
     */
    Set<Sha256> retained(int keepLast);
}
