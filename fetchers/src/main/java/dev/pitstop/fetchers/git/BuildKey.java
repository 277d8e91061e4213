package dev.pitstop.fetchers.git;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The key of a build's inputs: SHA-256 over the git object ids of its {@code paths} (or of the root tree), the
 * build command, the environment, the toolchain's identity and the target platform. Object ids name content, so
 * two clones of one commit on two machines compute the same key, and a commit that changes only files outside
 * {@code paths} keeps it.
 *
 * @param parts each input as {@code name value}, in the order hashed
 */
record BuildKey(String hex, List<Part> parts) {

    record Part(String name, String value) {
        String line() {
            return name + " " + value + "\n";
        }
    }

    static BuildKey of(Repository repo, RevCommit commit, GitSettings settings, Toolchain.Identity toolchain,
                       Platform platform) throws IOException {
        List<Part> parts = new ArrayList<>();
        if (settings.paths().isEmpty()) {
            parts.add(new Part("tree", ". " + commit.getTree().getName()));
        }
        for (String path : settings.paths()) {
            try (TreeWalk walk = TreeWalk.forPath(repo, path, commit.getTree())) {
                ObjectId id = walk == null ? null : walk.getObjectId(0);
                parts.add(new Part("tree", path + " " + (id == null ? "missing" : id.getName())));
            }
        }
        parts.add(new Part("build", settings.build()));
        for (Map.Entry<String, String> e : settings.env().entrySet()) {
            parts.add(new Part("env", e.getKey() + "=" + e.getValue()));
        }
        parts.add(new Part("toolchain", toolchain.digest()));
        parts.add(new Part("platform", platform.toString()));
        StringBuilder text = new StringBuilder("pitstop-build-key 1\n");
        parts.forEach(p -> text.append(p.line()));
        String hex = Sha256.of(Sha256.newDigest().digest(text.toString().getBytes(StandardCharsets.UTF_8))).hex();
        return new BuildKey(hex, List.copyOf(parts));
    }
}
