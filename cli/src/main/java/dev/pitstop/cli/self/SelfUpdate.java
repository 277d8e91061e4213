package dev.pitstop.cli.self;

import com.google.inject.Injector;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceKinds;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.StackReader;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.SourceCoordinates;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.trust.ArtifactVerifier;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PublishedArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Pitstop updating itself with its own machinery: the {@code github:} source resolves the release and fetches the
 * asset for this platform (asset selection, published checksums), the {@link ArtifactVerifier} applies the trust
 * policy of {@code share/pitstop/self.yaml} (a minisign signature is required), the archive goes into the
 * content-addressed store and the installation's {@code pitstop.lock.json} records it as candidate, then current,
 * with history, so that {@link #rollback} can go back. Unlike a stack's binary, a release is a folder, not one
 * executable, so the unpacked release is checked by running it instead of by the platform trust check.
 */
final class SelfUpdate {
    private final Installation installation;
    private final SourceKinds sources;
    private final ArtifactVerifier verifier;
    private final BinaryStore store;
    private final ManifestStore manifests;
    private final StackReader reader;
    private final Platform host;
    private final Path staging;
    private final ReleaseTree trees = new ReleaseTree();
    private final Clock clock = Clock.systemUTC();

    SelfUpdate(Installation installation, Injector injector) {
        this.installation = installation;
        this.sources = injector.getInstance(SourceKinds.class);
        this.verifier = injector.getInstance(ArtifactVerifier.class);
        this.store = injector.getInstance(BinaryStore.class);
        this.manifests = injector.getInstance(ManifestStore.class);
        this.reader = injector.getInstance(StackReader.class);
        this.host = injector.getInstance(Platform.class);
        this.staging = injector.getInstance(PitstopHome.class).cache().resolve("staging");
    }

    /** What an update or rollback did: the version before and after ({@code changed} false: nothing to do). */
    record Outcome(String from, String to, boolean changed, List<Evidence> evidence) {}

    /**
     * Installs the newest release (or {@code version}) unless it is the running one.
     *
     * @param version a release tag, or {@code null} for the latest
     */
    Outcome update(String running, String version, boolean force) {
        BinarySpec spec = spec(version);
        Source<?> source = sources.get(spec.name(), spec.kind());
        Release release = source.resolve(spec, host);
        if (release.version().equals(running) && !force) {
            return new Outcome(running, running, false, List.of());
        }
        recordInstalled(running, spec);
        Path dir = stagingDir();
        try {
            FetchedBinary fetched = source.fetch(FetchRequest.of(spec, release, host, dir));
            PublishedArtifact artifact = fetched.artifact()
                    .orElseThrow(() -> new PitstopException(spec.kind() + " source handed over no release archive"));
            List<Evidence> evidence = verifier.verify(spec, installation.home(), artifact);
            StoredBinary stored = store.put(artifact.file(), Installation.BINARY + ".tar.gz");
            BinaryVersion recorded = new BinaryVersion(coordinates(spec), release.version(), null, stored.sha256(),
                    stored.size(), host, clock.instant(), evidence, List.of(), null);
            manifests.update(installation.lockFile(), m -> m.withCandidate(Installation.BINARY, recorded, force, clock.instant()));
            activate(stored.path(), release.version());
            manifests.update(installation.lockFile(), m -> m.promote(Installation.BINARY, clock.instant()));
            return new Outcome(running, release.version(), true, evidence);
        } finally {
            ReleaseTree.delete(dir);
        }
    }

    /** Goes back to the previous release, or the one whose version or SHA-256 prefix is {@code to}. */
    Outcome rollback(String running, String to, boolean force) {
        BinaryRecord record = manifests.read(installation.lockFile()).binary(Installation.BINARY)
                .orElseThrow(() -> new PitstopException("no self update was recorded yet, so nothing to roll back to"));
        BinaryVersion target = (to == null ? record.previous() : find(record, to))
                .orElseThrow(() -> new PitstopException("no earlier release " + (to == null ? "recorded" : "matches '"
                        + to + "'") + " in " + installation.lockFile()));
        if (record.current() != null && record.current().sha256().equals(target.sha256())) {
            throw new PitstopException(target.label() + " is already current");
        }
        if (!force && record.isBad(target.sha256())) {
            throw new PitstopException(target.label() + " was marked bad; add --force to use it anyway");
        }
        Path tree = installation.tree(target.version());
        if (!Files.isDirectory(tree)) {
            StoredBinary stored = store.find(target.sha256(), Installation.BINARY + ".tar.gz")
                    .orElseThrow(() -> new PitstopException(tree + " and its archive are gone; install "
                            + target.version() + " again with install.sh"));
            trees.unpack(stored.path(), tree, target.version());
        }
        trees.check(tree, target.version());
        installation.switchTo(target.version());
        manifests.update(installation.lockFile(), m -> m.rollback(Installation.BINARY, target.sha256(),
                "pitstop self rollback", force, clock.instant()));
        return new Outcome(running, target.version(), true, target.evidence());
    }

    /** Unpacks and checks a new release, then switches to it; one that does not run is marked bad. */
    private void activate(Path archive, String version) {
        Path tree = installation.tree(version);
        try {
            trees.unpack(archive, tree, version);
            trees.check(tree, version);
        } catch (RuntimeException e) {
            manifests.update(installation.lockFile(), m -> m.markBad(Installation.BINARY, e.getMessage(), clock.instant()));
            throw e;
        }
        installation.switchTo(version);
    }

    /** The running release, recorded once as current (install.sh installed it without a manifest). */
    private void recordInstalled(String running, BinarySpec spec) {
        if (manifests.read(installation.lockFile()).current(Installation.BINARY).isPresent()) {
            return;
        }
        installation.installedDigest(running).ifPresent(sha -> {
            BinaryVersion installed = new BinaryVersion(coordinates(spec), running, null, sha, 0, host, clock.instant(),
                    List.of(new Evidence("checksum-file", "install.sh checked the archive's .sha256")), List.of(), null);
            manifests.update(installation.lockFile(), m -> m.install(Installation.BINARY, installed, true, clock.instant()));
        });
    }

    private BinarySpec spec(String version) {
        Path file = installation.selfSpec();
        BinarySpec spec = Optional.ofNullable(reader.read(file).binaries().get(Installation.BINARY))
                .orElseThrow(() -> new PitstopException(file + " names no binary 'pitstop'"));
        return version == null ? spec : spec.withVersion(version);
    }

    private static SourceCoordinates coordinates(BinarySpec spec) {
        return SourceCoordinates.of(spec.kind(), spec.location());
    }

    private static Optional<BinaryVersion> find(BinaryRecord record, String to) {
        List<HistoryEntry> history = record.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            BinaryVersion v = history.get(i).binary();
            if (v.version().equals(to) || (to.length() >= 6 && v.sha256().hex().startsWith(to))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private Path stagingDir() {
        try {
            Files.createDirectories(staging);
            return Files.createTempDirectory(staging, "pitstop-self.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder under " + staging, e);
        }
    }
}
