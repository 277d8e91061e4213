package dev.pitstop.core.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Checks that what runs is what the manifest says: {@code verify}, {@code snapshot} and {@code diff}.
 * Processes are given by PID (the supervisor knows them); names the manifest does not manage are skipped.
 */
public interface StackInspector {

    /**
     * Re-hashes every stored binary against its folder's SHA-256, checks that every current version of the
     * manifest is in the store, and that each given process runs the current binary of its name
     * ({@code /proc/<pid>/exe}).
     */
    VerifyReport verify(Manifest manifest, Map<String, Long> pidByName);

    /** Name, PID, start time, executable SHA-256 and manifest version of each given process that is alive. */
    Snapshot snapshot(Manifest manifest, Map<String, Long> pidByName);

    SnapshotDiff diff(Snapshot before, Snapshot after);

    /** Writes a snapshot as indented JSON (temp file + rename). */
    void write(Snapshot snapshot, Path file);

    Snapshot read(Path file);
}
