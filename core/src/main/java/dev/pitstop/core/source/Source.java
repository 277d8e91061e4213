package dev.pitstop.core.source;

import dev.pitstop.core.Platform;
import dev.pitstop.core.stack.BinarySpec;

/**
 * Where a binary comes from: a GitHub release, a URL template, a mirror, a local file. Bound in a
 * {@code MapBinder<String, Source>} under its kind (see {@link SourceBinder}).
 */
public interface Source {

    /** What is published for this spec right now: version and assets. Cheap and cached; no download. */
    Release resolve(BinarySpec spec, Platform platform);

    /**
     * Downloads the asset for the request's platform, verifies it against the best evidence available and
     * extracts the binary into the staging folder. On any failure nothing is left in the staging folder.
     */
    FetchedBinary fetch(FetchRequest request);
}
