package dev.pitstop.core.store;

import java.util.List;

/**
 * What a store garbage collection removed (or, on a dry run, would remove).
 *
 * @param bytes total size of {@code removed}
 */
public record GcReport(boolean dryRun, List<StoredBinary> removed, List<StoredBinary> kept, long bytes) {
    public GcReport {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }
}
