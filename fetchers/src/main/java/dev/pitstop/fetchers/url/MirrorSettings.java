package dev.pitstop.fetchers.url;

import dev.pitstop.core.source.InvalidSettingException;

/**
 * The keys of a {@code mirror:} binary besides the shared ones.
 *
 * @param repo the mirrored repository, {@code OWNER/REPO}; required
 * @param asset a glob or {@code /regex/} pinning the asset, or {@code null} to score them
 * @param path which file of the archive is the binary, or {@code null} to pick it by name
 */
record MirrorSettings(String repo, String asset, String path) {
    MirrorSettings {
        if (repo == null || repo.isBlank()) {
            throw new InvalidSettingException("repo", "a mirror: source needs repo: OWNER/REPO");
        }
        if (!repo.strip().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new InvalidSettingException("repo", "expected OWNER/REPO, found '" + repo + "'");
        }
        repo = repo.strip();
    }

    String repoName() {
        return repo.substring(repo.indexOf('/') + 1);
    }
}
