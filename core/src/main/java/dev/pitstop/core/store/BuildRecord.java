package dev.pitstop.core.store;

import java.time.Instant;

/**
 * How a version built from source was made; the commit and the build key are {@link BinaryVersion}'s own fields.
 *
 * @param repository the repository URL
 * @param ref the branch, tag or commit that was asked for
 * @param commitTime the commit's committer time
 * @param tree the commit's root tree id
 * @param toolchain what identified the toolchain, or {@code null}
 * @param buildMillis how long the build took; {@code 0} when nothing was built
 * @param sameInputsAs the commit whose build was reused because the inputs are the same, or {@code null}
 */
public record BuildRecord(String repository, String ref, Instant commitTime, String tree, String toolchain,
                          long buildMillis, String sameInputsAs) {
}
