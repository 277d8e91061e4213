package dev.pitstop.fetchers.git;

import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Revision;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.TransferMeter;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.LockedArtifact;
import dev.pitstop.core.trust.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The work of {@link GitSource}, made on its first use: {@code git: <url>} + {@code build:}, a binary built from a
 * git repository with JGit. {@link #resolve} fetches the repository's cache incrementally and computes the
 * {@link BuildKey} of the commit {@code ref:} names, without building; the engine skips the build when the manifest
 * already holds a binary built from the same key.
 * {@link #fetch} checks the commit out into a temporary folder, builds, and hands the output over.
 */
final class GitBuilds implements Source<GitSettings> {
    private final GitCache cache;
    private final Path scratch;
    private final TransferMeter meter;

    GitBuilds(GitCache cache, PitstopHome home, TransferMeter meter) {
        this.cache = cache;
        this.scratch = home.cache();
        this.meter = meter;
    }

    @Override
    public Class<GitSettings> settingsType() {
        return GitSettings.class;
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        return resolve(spec, platform, settings(spec).ref(), null);
    }

    /** The locked commit, under the ref and version label it was locked with. */
    @Override
    public Release resolveLocked(BinarySpec spec, Platform platform, LockedArtifact locked) {
        return locked.commit() == null ? resolve(spec, platform) : resolve(spec, platform, locked.commit(), locked);
    }

    private Release resolve(BinarySpec spec, Platform platform, String wanted, LockedArtifact locked) {
        GitSettings settings = settings(spec);
        String url = spec.location().strip();
        Toolchain.Identity toolchain = toolchain(spec, settings);
        return cache.fetched(url, fetched -> {
            Refs.Resolved ref = Refs.resolve(fetched, url, wanted);
            RevCommit commit = ref.commit();
            try {
                BuildKey key = BuildKey.of(fetched.repo(), commit, settings, toolchain, platform);
                Instant time = Instant.ofEpochSecond(commit.getCommitTime());
                String label = locked == null ? ref.label() : locked.version();
                Revision revision = new Revision(url, locked == null ? ref.ref() : locked.tag(), commit.getName(), time,
                        commit.getTree().getName(), key.hex(), toolchain.display());
                return new Release(label, label, time, false, List.of(Asset.of(spec.name())), revision);
            } catch (IOException e) {
                throw new UncheckedIOException("git " + url + ": cannot read " + commit.getName(), e);
            }
        });
    }

    /**
     * A {@code ls-remote} first: when the ref still names the current commit, the build key is computed from the
     * cache (the commit is there), with no fetch; only a new commit is fetched, to learn its key.
     */
    @Override
    public Optional<Release> poll(BinarySpec spec, Platform platform, Optional<BinaryVersion> current) {
        GitSettings settings = settings(spec);
        String url = spec.location().strip();
        Optional<String> remote = RemoteRefs.commit(url, settings.ref(), meter);
        if (current.isPresent() && remote.isPresent() && remote.get().equals(current.get().commit())) {
            Toolchain.Identity toolchain = toolchain(spec, settings);
            Optional<String> key = cache.cached(url, repo -> {
                try (RevWalk walk = new RevWalk(repo)) {
                    ObjectId id = ObjectId.fromString(remote.get());
                    return repo.getObjectDatabase().has(id)
                            ? Optional.of(BuildKey.of(repo, walk.parseCommit(id), settings, toolchain, platform).hex())
                            : Optional.<String>empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("git " + url + ": cannot read the cache", e);
                }
            });
            if (key.isPresent() && key.get().equals(current.get().buildKey())) {
                return Optional.empty();
            }
        }
        return Optional.of(resolve(spec, platform));
    }

    @Override
    public FetchedBinary fetch(FetchRequest request) {
        BinarySpec spec = request.spec();
        GitSettings settings = settings(spec);
        Revision revision = Optional.ofNullable(request.release().revision())
                .orElseThrow(() -> new IllegalArgumentException(spec.name() + ": a git fetch needs a resolved revision"));
        Path checkout = null;
        try {
            request.progress().stage("checking out", revision.shortCommit());
            checkout = Files.createTempDirectory(request.stagingDir(), ".checkout-");
            Path worktree = checkout;
            cache.cached(revision.repository(), repo -> {
                try (RevWalk walk = new RevWalk(repo)) {
                    Checkout.write(repo, walk.parseCommit(ObjectId.fromString(revision.commit())), worktree,
                            revision.repository());
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("git " + revision.repository() + ": cannot check out "
                            + revision.commit(), e);
                }
            });
            Path out = request.stagingDir().resolve(spec.name());
            Path logDir = request.logDir() != null ? request.logDir() : request.stagingDir();
            request.progress().stage("building", null);
            Duration took = Build.run(spec.name(), settings, checkout, out, logDir.resolve("build-" + spec.name() + ".log"),
                    line -> request.progress().stage("building", line));
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
            Sha256 sha = Sha256.ofFile(out);
            return new FetchedBinary(out, sha, Files.size(out), sha, request.release().version(), revision.commit(),
                    "git:" + revision.repository(), "build of " + revision.shortCommit(),
                    List.of(new Evidence("build", "built from " + revision.repository() + " at " + revision.commit()
                            + ", build key " + revision.buildKey())), Optional.empty(), revision, took);
        } catch (IOException e) {
            throw new FetchException(spec.name() + ": build of " + revision.shortCommit() + " failed: " + e.getMessage(), e);
        } finally {
            deleteTree(checkout);
        }
    }

    @Override
    public String explain(BinarySpec spec, Release release, Platform platform) {
        Revision revision = release.revision();
        GitSettings settings = settings(spec);
        Toolchain.Identity toolchain = toolchain(spec, settings);
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-10s %s%n", "repository", revision.repository()));
        text.append(String.format("%-10s %s -> %s (%s)%n", "ref", revision.ref(), revision.commit(), release.publishedAt()));
        cache.cached(revision.repository(), repo -> {
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(revision.commit()));
                for (BuildKey.Part part : BuildKey.of(repo, commit, settings, toolchain, platform).parts()) {
                    String value = part.name().equals("toolchain") && toolchain.display() != null
                            ? part.value() + " (" + toolchain.display() + ")" : part.value();
                    text.append(String.format("%-10s %s%n", part.name(), value));
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        text.append(String.format("%-10s %s%n", "key", revision.buildKey()));
        return text.toString();
    }

    private Toolchain.Identity toolchain(BinarySpec spec, GitSettings settings) {
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + scratch, e);
        }
        return Toolchain.identify(spec.name(), settings.toolchain(), scratch, Build.environment(settings.env()));
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // inside the staging folder, which the engine removes after the fetch anyway
        }
    }
}
