package dev.pitstop.core.engine;

import dev.pitstop.core.FetchResult;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.store.LockedArtifact;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.OutdatedBinary;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchProgress;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.ProgressListener;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.source.SourceKinds;
import dev.pitstop.core.source.TransferMeter;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.StagingArea;
import dev.pitstop.core.trust.ArtifactVerifier;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PublishedArtifact;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Brings binaries from their sources into the store: resolve, fetch into a staging folder (the source verifies
 * and extracts), apply the binary's trust policy through the {@link ArtifactVerifier}, then store and record.
 * A version that equals the current one changes nothing; a new one becomes the candidate (or current, when there
 * is none yet).
 */
final class BinaryFetcher {
    private final SourceKinds sources;
    private final ArtifactVerifier verifier;
    private final BinaryInstaller installer;
    private final Supervisor supervisor;
    private final Platform host;
    private final Path staging;
    private final FetchProgress progress;
    private final LockPolicy lockPolicy;
    private final TransferMeter meter;
    private final Locker locker = new Locker(this::newStagingDir);

    BinaryFetcher(SourceKinds sources, ArtifactVerifier verifier, BinaryInstaller installer,
                  Supervisor supervisor, Platform host, Path staging, FetchProgress progress, LockPolicy lockPolicy,
                  TransferMeter meter) {
        this.sources = sources;
        this.verifier = verifier;
        this.installer = installer;
        this.supervisor = supervisor;
        this.host = host;
        this.staging = staging;
        this.progress = progress;
        this.lockPolicy = lockPolicy;
        this.meter = meter;
    }

    /**
     * Fetches every binary that has no current version yet (before the stack starts), or whose current version is
     * not the one locked for this platform, except those taken from a local file
     * ({@link SourceCapability#LOCAL_FILE}), which the installer stores from their path.
     */
    void fetchMissing(Stack stack) {
        for (BinarySpec spec : stack.binaries().values()) {
            if (spec.has(SourceCapability.LOCAL_FILE)) {
                continue;
            }
            Optional<LockedArtifact> locked = lockedForHost(stack, spec);
            boolean missing = installer.currentStored(stack, spec.name()).isEmpty();
            boolean offLock = locked.isPresent() && !LockCheck.satisfies(installer.manifest(stack)
                    .current(spec.name()), locked.get(), host);
            if (missing || offLock) {
                fetch(stack, spec.name());
            }
        }
    }

    /**
     * Fetches one binary for this machine and records it; see the class comment. A binary locked for this
     * platform is fetched at its locked version and must have the locked SHA-256 (a build: the locked commit).
     */
    Fetched fetch(Stack stack, String name) {
        BinarySpec spec = located(stack, name);
        return fetch(stack, spec, lockedForHost(stack, spec));
    }

    /**
     * Fetches what the source offers now, past the lock ({@code update}, a poll that applies); {@link #relock}
     * then moves the lock on once the new version is current.
     */
    Fetched fetchLatest(Stack stack, String name) {
        return fetch(stack, located(stack, name), Optional.empty());
    }

    /**
     * Locks the current version again for each platform whose entry pins another one (after an update made a new
     * version current), so that the lock never pins an older version than the one this stack runs. A failure (the
     * source now offers yet another version, a platform's asset is gone) is an event; the entries stay as they were.
     */
    void relock(Stack stack, String name) {
        Optional<BinaryRecord> record = installer.manifest(stack).binary(name);
        String current = record.map(BinaryRecord::current).map(BinaryVersion::version).orElse(null);
        List<Platform> stale = record.map(r -> r.locked().entrySet().stream()
                .filter(e -> !e.getValue().version().equals(current)).map(e -> Platform.parse(e.getKey())).toList())
                .orElse(List.of());
        if (current == null || stale.isEmpty()) {
            return;
        }
        try {
            List<LockResult> relocked = lock(stack, name, stale);
            relocked.stream().filter(r -> !r.locked().version().equals(current)).findFirst().ifPresent(r -> {
                throw new FetchException("the source now offers " + r.locked().version() + ", not " + current);
            });
            write(stack, relocked);
        } catch (RuntimeException e) {
            supervisor.publish(EventType.WARNING, name, "the lock still pins an earlier version: " + e.getMessage()
                    + "; run pitstop lock");
        }
    }

    /** What {@code pitstop lock} records for one binary on each platform; nothing is written. */
    List<LockResult> lock(Stack stack, String name, List<Platform> platforms) {
        BinarySpec spec = located(stack, name);
        Source<?> source = source(spec);
        java.util.Map<String, LockedArtifact> before = installer.manifest(stack).binary(name)
                .<java.util.Map<String, LockedArtifact>>map(r -> r.locked()).orElse(java.util.Map.of());
        List<LockResult> results = new ArrayList<>();
        for (Platform platform : platforms) {
            String key = LockedArtifact.key(platform);
            LockedArtifact entry;
            try {
                entry = locker.lock(spec, source, platform, installer.now(), BinaryFetcher::deleteTree);
            } catch (RuntimeException e) {
                throw new FetchException(name + " on " + key + ": " + e.getMessage(), e);
            }
            results.add(new LockResult(name, key, entry, !Locker.same(before.get(key), entry)));
        }
        return results;
    }

    /** Records lock results in one manifest change; unchanged entries keep their earlier time. */
    void write(Stack stack, List<LockResult> results) {
        installer.update(stack, m -> {
            Manifest out = m;
            for (LockResult r : results) {
                if (r.changed() || out.binary(r.binary()).map(b -> !b.locked().containsKey(r.platform())).orElse(true)) {
                    out = out.withLocked(r.binary(), new java.util.TreeMap<>(java.util.Map.of(r.platform(), r.locked())));
                }
            }
            return out;
        });
    }

    /** The platforms a binary is locked for already, this machine's when none. */
    List<Platform> lockedPlatforms(Stack stack, String name) {
        List<Platform> known = installer.manifest(stack).binary(name)
                .map(r -> r.locked().keySet().stream().map(Platform::parse).toList()).orElse(List.of());
        return known.isEmpty() ? List.of(host) : known;
    }

    private Optional<LockedArtifact> lockedForHost(Stack stack, BinarySpec spec) {
        Optional<LockedArtifact> locked = installer.manifest(stack).binary(spec.name()).flatMap(r -> r.lockedFor(host));
        if (locked.isEmpty() && lockPolicy.required() && !spec.has(SourceCapability.LOCAL_FILE)) {
            throw new dev.pitstop.core.store.LockMissingException(spec.name(), host, installer.manifest(stack).binary(spec.name())
                    .map(r -> r.locked().keySet()).orElse(java.util.Set.of()));
        }
        return locked;
    }

    /** Reports the stages of the fetch to a progress line: fetching, then done, reused or failed. */
    private Fetched fetch(Stack stack, BinarySpec spec, Optional<LockedArtifact> locked) {
        ProgressListener listener = progress.start(spec.name());
        listener.stage("fetching", null);
        try {
            Fetched fetched = fetch(stack, spec, locked, listener);
            listener.stage(fetched.reused() ? "reused" : "done", fetched.result().version());
            return fetched;
        } catch (RuntimeException e) {
            listener.stage("failed", e.getMessage());
            throw e;
        }
    }

    private Fetched fetch(Stack stack, BinarySpec spec, Optional<LockedArtifact> locked, ProgressListener listener) {
        String name = spec.name();
        Source<?> source = source(spec);
        Optional<BinaryVersion> current = installer.manifest(stack).current(name);
        Release release = locked.map(l -> source.resolveLocked(spec, host, l)).orElseGet(() -> source.resolve(spec, host));
        locked.ifPresent(l -> LockCheck.release(name, l, release, host));
        if (release.revision() != null) {
            Optional<Fetched> reused = new BuildReuse(installer, supervisor).apply(stack, name, release);
            if (reused.isPresent()) {
                return reused.get().asReused();
            }
        }
        FetchRequest request = FetchRequest.of(spec, release, host, newStagingDir(name))
                .withProgress(listener).withLogDir(stack.stateDir().resolve("logs"));
        // the same version fetched again must be the same bytes as recorded
        if (locked.isPresent() && locked.get().sha256() != null) {
            request = request.withRecordedSha(locked.get().sha256()); // a download that differs is refused
        } else if (current.isPresent() && current.get().version().equals(release.version())) {
            request = request.withRecordedSha(current.get().sha256());
        }
        try {
            FetchedBinary fetched = verified(stack, spec, source.fetch(request));
            locked.ifPresent(l -> LockCheck.fetched(name, l, fetched, host));
            boolean sameBytes = current.isPresent() && current.get().sha256().equals(fetched.sha256());
            // a build of a new commit that gave the same bytes is still recorded: the manifest names the commit
            boolean sameRevision = fetched.revision() == null
                    || fetched.revision().commit().equals(current.map(BinaryVersion::commit).orElse(null));
            if (sameBytes && sameRevision) {
                return new Fetched(result(name, fetched, false, installer.currentStored(stack, name)
                        .map(s -> s.path()).orElse(fetched.path())), Optional.empty());
            }
            BinaryInstaller.Candidate candidate = installer.storeCandidate(stack, name, fetched.path(),
                    fetched.version(), fetched.evidence(), false,
                    Provenance.of(fetched.revision(), fetched.buildTime(), null));
            supervisor.publish(EventType.BINARY_STORED, name, candidate.version().label() + " from " + fetched.assetName());
            if (current.isEmpty() || sameBytes) {
                installer.update(stack, m -> m.promote(name, installer.now()));
                installer.link(stack, candidate.stored());
                return new Fetched(result(name, fetched, !sameBytes, candidate.stored().path()), Optional.empty());
            }
            return new Fetched(result(name, fetched, true, candidate.stored().path()), Optional.of(candidate));
        } finally {
            deleteTree(request.stagingDir());
        }
    }

    /** Fetches for another platform into {@code outputDir}/NAME: verified and extracted, never trusted or stored. */
    FetchResult fetchFor(Stack stack, String name, Platform platform, Path outputDir) {
        BinarySpec spec = located(stack, name);
        Source<?> source = source(spec);
        FetchRequest request = FetchRequest.of(spec, source.resolve(spec, platform), platform, newStagingDir(name))
                .withLogDir(stack.stateDir().resolve("logs"));
        try {
            FetchedBinary fetched = verified(stack, spec, source.fetch(request));
            Files.createDirectories(outputDir);
            Path target = outputDir.resolve(name);
            Path temp = Files.createTempFile(outputDir, name + ".", ".part");
            Files.copy(fetched.path(), temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result(name, fetched, true, target);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot write to " + outputDir, e);
        } finally {
            deleteTree(request.stagingDir());
        }
    }

    /** A cheap check of the binary's source: see {@link UpstreamCheck}. */
    PollResult poll(Stack stack, String name) {
        BinarySpec spec = located(stack, name);
        try (TransferMeter.Scope scope = meter.open()) {
            PollResult result = new UpstreamCheck(installer, host).check(stack, spec, source(spec));
            return result.withCost(scope.cost());
        }
    }

    OutdatedBinary outdated(Stack stack, String name) {
        BinarySpec spec = located(stack, name);
        String latest = source(spec).resolve(spec, host).version();
        String current = installer.manifest(stack).current(name).map(BinaryVersion::version).orElse(null);
        return new OutdatedBinary(name, current, latest);
    }

    /** What the source would choose or build, and, for a source build, whether a build is needed and why. */
    String explain(Stack stack, String name, Platform platform) {
        BinarySpec spec = located(stack, name);
        Platform target = platform == null ? host : platform;
        Release release = source(spec).resolve(spec, target);
        String text = source(spec).explain(spec, release, target);
        if (release.revision() == null) {
            return text;
        }
        String key = release.revision().buildKey();
        Optional<BinaryVersion> built = BuildReuse.built(installer.manifest(stack).binary(name), key)
                .filter(v -> installer.stored(v.sha256(), name).isPresent());
        return text + "decision   " + built.map(v -> "no build: the store holds the build of " + BuildReuse.builtCommit(v)
                + " (" + v.version() + ", " + v.sha256().shortHex() + ") with the same key")
                .orElse("build: no stored binary was built with this key") + "\n";
    }

    /**
     * The binary's spec with a relative path ({@link SourceCapability#LOCAL_PATH}) made absolute against the stack
     * file's folder, as every other path of the stack file is; sources never see the working folder.
     */
    private static BinarySpec located(Stack stack, String name) {
        BinarySpec spec = BinaryInstaller.spec(stack, name);
        String location = spec.location();
        boolean relative = spec.has(SourceCapability.LOCAL_PATH) && !location.contains(":/")
                && !Path.of(location).isAbsolute();
        return relative ? spec.withLocation(stack.directory().resolve(location).normalize().toString()) : spec;
    }

    private Source<?> source(BinarySpec spec) {
        return sources.get(spec.name(), spec.kind());
    }

    private Path newStagingDir(String name) {
        return new StagingArea(staging).newDirectory(name); // named after this process: see StagingArea
    }

    /**
     * The fetched binary with the evidence to record: what the trust policy accepted, after what only the
     * source could know (the manifest's digest for a re-fetched version, a build's own proof). A policy
     * violation throws before anything is stored.
     */
    private FetchedBinary verified(Stack stack, BinarySpec spec, FetchedBinary fetched) {
        PublishedArtifact artifact = fetched.artifact().orElseGet(() -> PublishedArtifact.unattested(fetched.path()));
        List<Evidence> accepted = verifier.verify(spec, stack.directory(), artifact);
        Set<String> kinds = accepted.stream().map(Evidence::kind).collect(Collectors.toSet());
        List<Evidence> evidence = new ArrayList<>();
        fetched.evidence().stream().filter(e -> !"none".equals(e.kind()) && !kinds.contains(e.kind()))
                .forEach(evidence::add);
        accepted.stream().filter(e -> evidence.isEmpty() || !"none".equals(e.kind())).forEach(evidence::add);
        return new FetchedBinary(fetched.path(), fetched.sha256(), fetched.size(), fetched.archiveSha256(),
                fetched.version(), fetched.commit(), fetched.coordinates(), fetched.assetName(), evidence,
                fetched.artifact(), fetched.revision(), fetched.buildTime());
    }

    private static FetchResult result(String name, FetchedBinary fetched, boolean changed, Path path) {
        return new FetchResult(name, fetched.version(), fetched.sha256(), fetched.size(), changed, fetched.assetName(),
                fetched.evidence(), path);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left behind, it is deleted at the next start or `store gc` (StagingArea.deleteStale)
        }
    }

    /** Makes the fetcher of one engine from what the injector provides: sources, verifier, platform, progress. */
    static final class Factory {
        private final SourceKinds sources;
        private final ArtifactVerifier verifier;
        private final Platform host;
        private final Path staging;
        private final FetchProgress progress;
        private final LockPolicy lockPolicy;
        private final TransferMeter meter;

        @Inject
        Factory(SourceKinds sources, ArtifactVerifier verifier, Platform host, PitstopHome home,
                FetchProgress progress, LockPolicy lockPolicy, TransferMeter meter) {
            this.sources = sources;
            this.verifier = verifier;
            this.host = host;
            this.staging = home.cache().resolve("staging");
            this.progress = progress;
            this.lockPolicy = lockPolicy;
            this.meter = meter;
        }

        BinaryFetcher create(BinaryInstaller installer, Supervisor supervisor) {
            return new BinaryFetcher(sources, verifier, installer, supervisor, host, staging, progress, lockPolicy,
                    meter);
        }
    }

    /** A fetch's result and, when it brought a new version while another is current, the candidate to swap in. */
    record Fetched(FetchResult result, Optional<BinaryInstaller.Candidate> candidate, boolean reused) {
        Fetched(FetchResult result, Optional<BinaryInstaller.Candidate> candidate) {
            this(result, candidate, false);
        }

        /** A stored build with the same inputs was taken; nothing was built. */
        Fetched asReused() {
            return new Fetched(result, candidate, true);
        }
    }
}
