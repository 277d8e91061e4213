package dev.pitstop.core.engine;

import dev.pitstop.core.source.Revision;
import dev.pitstop.core.store.BuildRecord;
import java.time.Duration;

/** What the manifest records about where a version's bytes came from beyond its source: the commit and the build. */
record Provenance(String commit, String buildKey, BuildRecord build) {
    static final Provenance NONE = new Provenance(null, null, null);

    /** A version built from {@code revision}, or reusing the build of {@code sameInputsAs} (then {@code took} is zero). */
    static Provenance of(Revision revision, Duration took, String sameInputsAs) {
        if (revision == null) {
            return NONE;
        }
        return new Provenance(revision.commit(), revision.buildKey(), new BuildRecord(revision.repository(),
                revision.ref(), revision.commitTime(), revision.tree(), revision.toolchain(),
                took == null ? 0 : took.toMillis(), sameInputsAs));
    }
}
