package dev.pitstop.fetchers.git;

import dev.pitstop.core.source.FetchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Turns the {@code ref:} of a git binary into a commit of the fetched cache: a full commit id, a tag (its label is
 * the tag), a branch, or, without {@code ref:}, the branch the remote's {@code HEAD} names (its label is
 * {@code <branch>@<short commit>}).
 */
final class Refs {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private Refs() {
    }

    static Resolved resolve(GitCache.Fetched cache, String url, String ref) {
        Repository repo = cache.repo();
        try (RevWalk walk = new RevWalk(repo)) {
            if (ref == null) {
                return head(walk, cache, url);
            }
            if (COMMIT.matcher(ref).matches()) {
                ObjectId id = ObjectId.fromString(ref);
                if (!repo.getObjectDatabase().has(id)) {
                    throw new FetchException("git " + url + ": commit " + ref + " is on no branch or tag of the remote");
                }
                RevCommit commit = walk.parseCommit(id);
                return new Resolved(ref, shortId(commit), commit);
            }
            Ref tag = repo.exactRef(Constants.R_TAGS + ref);
            if (tag != null) {
                return new Resolved(ref, ref, walk.parseCommit(tag.getObjectId()));
            }
            Ref branch = repo.exactRef(ref.startsWith(Constants.R_REFS) ? ref : Constants.R_HEADS + ref);
            if (branch != null) {
                RevCommit commit = walk.parseCommit(branch.getObjectId());
                return new Resolved(ref, Repository.shortenRefName(branch.getName()) + "@" + shortId(commit), commit);
            }
            throw new FetchException("git " + url + ": '" + ref + "' is not a branch, tag or commit of the remote"
                    + " (branches: " + names(repo, Constants.R_HEADS) + "; tags: " + names(repo, Constants.R_TAGS) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("git " + url + ": cannot read the cache", e);
        }
    }

    private static Resolved head(RevWalk walk, GitCache.Fetched cache, String url) throws IOException {
        Ref head = cache.remoteHead();
        if (head == null || head.getObjectId() == null) {
            throw new FetchException("git " + url + ": the remote has no default branch (HEAD); set ref:");
        }
        RevCommit commit = walk.parseCommit(head.getObjectId());
        String branch = head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName())
                : cache.repo().getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                        .filter(r -> commit.equals(r.getObjectId())).map(r -> Repository.shortenRefName(r.getName()))
                        .sorted().findFirst().orElse("HEAD");
        return new Resolved(branch, branch + "@" + shortId(commit), commit);
    }

    static String shortId(ObjectId id) {
        return id.getName().substring(0, 7);
    }

    private static String names(Repository repo, String prefix) throws IOException {
        List<String> names = repo.getRefDatabase().getRefsByPrefix(prefix).stream()
                .map(r -> r.getName().substring(prefix.length())).sorted().limit(10).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /**
     * @param ref the ref asked for (the default branch's name when none was)
     * @param label the version label: the tag, or {@code <ref>@<short commit>}
     */
    record Resolved(String ref, String label, RevCommit commit) {}
}
