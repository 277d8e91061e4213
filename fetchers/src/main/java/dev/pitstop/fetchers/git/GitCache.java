package dev.pitstop.fetchers.git;

import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.TransferMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * One bare repository per remote under {@code $PITSTOP_HOME/cache/git/}, brought up to date by an incremental
 * fetch of every branch and tag (force-pushes and deletions included). Access to one cache is serialized, within
 * this JVM and across processes (a file lock), so two stacks never fetch into the same repository at once.
 */
final class GitCache {
    static final int TIMEOUT_SECONDS = 60;

    private final Path root;
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final TransferMeter meter;

    GitCache(PitstopHome home, TransferMeter meter) {
        this.root = home.cache().resolve("git");
        this.meter = meter;
    }

    /** Fetches {@code url} into its cache, then runs {@code work} on it under the cache's lock. */
    <T> T fetched(String url, Function<Fetched, T> work) {
        return locked(url, repo -> {
            try (Git git = new Git(repo)) {
                long packs = GitTraffic.packBytes(repo);
                FetchResult result = git.fetch().setRemote(url)
                        .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                        .setTagOpt(TagOpt.NO_TAGS).setRemoveDeletedRefs(true).setTimeout(TIMEOUT_SECONDS).call();
                meter.request(0, GitTraffic.advertisement(result.getAdvertisedRefs())
                        + Math.max(0, GitTraffic.packBytes(repo) - packs));
                return work.apply(new Fetched(repo, result.getAdvertisedRef("HEAD")));
            } catch (GitAPIException e) {
                throw new FetchException("git " + url + ": fetch failed: " + oneLine(e), e);
            }
        });
    }

    /** Runs {@code work} on the cache of {@code url} as it is, without fetching (it must have been fetched). */
    <T> T cached(String url, Function<Repository, T> work) {
        return locked(url, work);
    }

    private <T> T locked(String url, Function<Repository, T> work) {
        Path dir = root.resolve(folderName(url));
        ReentrantLock lock = locks.computeIfAbsent(dir, d -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock();
                 Repository repo = open(dir)) {
                return work.apply(repo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("git " + url + ": cannot use the cache " + dir, e);
        } finally {
            lock.unlock();
        }
    }

    private static Repository open(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("objects"))) {
            try {
                return Git.init().setBare(true).setDirectory(dir.toFile()).call().getRepository();
            } catch (GitAPIException e) {
                throw new IOException("cannot create a bare repository in " + dir + ": " + e.getMessage(), e);
            }
        }
        return Git.open(dir.toFile()).getRepository();
    }

    /** A readable, unique folder name: the URL's last segment and a hash of the whole URL. */
    static String folderName(String url) {
        String trimmed = url.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        String hash = Sha256.of(digest(url)).hex().substring(0, 16);
        return (last.isEmpty() ? "repo" : last) + "-" + hash + ".git";
    }

    private static byte[] digest(String text) {
        return Sha256.newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.replaceAll("\\s+", " ").strip();
    }

    /** A just-fetched cache and the remote's {@code HEAD} as it advertised it ({@code null} for an empty remote). */
    record Fetched(Repository repo, Ref remoteHead) {}
}
