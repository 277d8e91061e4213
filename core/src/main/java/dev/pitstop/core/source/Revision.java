package dev.pitstop.core.source;

import java.time.Instant;
import java.util.Objects;

/**
 * The source revision a release stands for, when the source builds from a repository: what the manifest records
 * for it and what decides whether a build is needed.
 *
 * @param repository the repository URL as written in the stack file
 * @param ref the branch, tag or commit asked for (the remote's default branch when none was)
 * @param commit the full commit id
 * @param commitTime the commit's committer time
 * @param tree the root tree id of the commit
 * @param buildKey SHA-256 over the build's inputs (the trees of its {@code paths}, the command, the environment,
 *                 the toolchain identity, the target platform): equal keys give equal builds
 * @param toolchain what identifies the toolchain (the first line of its version output), or {@code null}
 */
public record Revision(String repository, String ref, String commit, Instant commitTime, String tree,
                       String buildKey, String toolchain) {
    public Revision {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(buildKey, "buildKey");
    }

    /** The first 7 characters of the commit, as shown to people. */
    public String shortCommit() {
        return commit.substring(0, Math.min(7, commit.length()));
    }
}
