package dev.pitstop.fetchers.git;

import dev.pitstop.core.source.FetchException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a commit's files into an empty folder straight from the object database (no index, no {@code .git}):
 * the worktree of one build. Submodules and Git LFS files are refused, since their content is not in the tree.
 */
final class Checkout {
    private Checkout() {
    }

    static void write(Repository repo, RevCommit commit, Path dir, String url) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    throw new FetchException("git " + url + ": " + path + " is a submodule; submodules are not supported");
                }
                Path target = root.resolve(path).normalize();
                if (!target.startsWith(root)) {
                    throw new FetchException("git " + url + ": the path " + path + " leaves the checkout");
                }
                Files.createDirectories(target.getParent());
                ObjectId id = walk.getObjectId(0);
                if (mode == FileMode.SYMLINK) {
                    String link = new String(repo.open(id).getBytes(), StandardCharsets.UTF_8);
                    Files.createSymbolicLink(target, Path.of(link));
                    continue;
                }
                if (path.equals(".gitattributes") || path.endsWith("/.gitattributes")) {
                    String attributes = new String(repo.open(id).getBytes(), StandardCharsets.UTF_8);
                    if (attributes.contains("filter=lfs")) {
                        throw new FetchException("git " + url + ": " + path + " stores files in Git LFS, which is not"
                                + " supported");
                    }
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    repo.open(id).copyTo(out);
                }
                if (mode == FileMode.EXECUTABLE_FILE) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }
}
