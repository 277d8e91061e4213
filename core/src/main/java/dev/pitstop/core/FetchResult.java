package dev.pitstop.core;

import dev.pitstop.core.trust.Evidence;
import java.util.List;

/**
 * A binary fetched from its source, verified and stored.
 *
 * @param changed whether it differs from the manifest's current version (a candidate was recorded)
 * @param asset the release asset it came from
 * @param path where the binary is now: its store path, or the output folder of a fetch for another platform
 */
public record FetchResult(String binary, String version, Sha256 sha256, long size, boolean changed, String asset,
                          List<Evidence> evidence, java.nio.file.Path path) {
    public FetchResult {
        evidence = List.copyOf(evidence);
    }
}
