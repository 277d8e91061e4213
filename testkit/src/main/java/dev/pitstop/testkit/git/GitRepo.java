package dev.pitstop.testkit.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository made with JGit, to serve to a git source over {@code file://} ({@link #url()}) or a
 * {@link GitDaemon}: write files, commit, tag, rewrite a branch as a force-push does.
 */
public final class GitRepo implements AutoCloseable {
    private static final PersonIdent AUTHOR = new PersonIdent("Pitstop Test", "test@pitstop.invalid");

    private final Git git;
    private final Path dir;
    private long clock = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private GitRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A new repository in {@code dir} whose default branch is {@code main}. */
    public static GitRepo init(Path dir) {
        try {
            return new GitRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create a repository in " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** {@code file:///…/dir}. */
    public String url() {
        return dir.toAbsolutePath().toUri().toString();
    }

    public GitRepo write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits every change of the work tree, one second after the previous commit; returns the commit id. */
    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent when = new PersonIdent(AUTHOR, java.util.Date.from(Instant.ofEpochSecond(++clock)),
                    TimeZone.getTimeZone("UTC"));
            RevCommit c = git.commit().setMessage(message).setAuthor(when).setCommitter(when).setSign(false).call();
            return c.getName();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot commit in " + dir, e);
        }
    }

    /** An annotated tag on the current commit. */
    public GitRepo tag(String name) {
        try {
            git.tag().setName(name).setMessage(name).setTagger(AUTHOR).setSigned(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot tag " + name, e);
        }
    }

    /** Moves the current branch back {@code commits} commits, dropping them, as before a force-push. */
    public GitRepo resetHard(int commits) {
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef("HEAD~" + commits).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot reset " + dir, e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
