package dev.pitstop.core.engine;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.SourceCoordinates;
import dev.pitstop.core.store.StagingArea;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.trust.BinaryNotRunnableException;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.core.trust.TrustReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts binaries into the store and the manifest, and keeps {@code .pitstop/bin/} pointing at the current
 * versions. It never starts or stops a process; {@link HealthGatedSwap} does that.
 */
final class BinaryInstaller {
    private final BinaryStore store;
    private final ManifestStore manifests;
    private final BinLinks links;
    private final PlatformTrust trust;
    private final StagingArea staging;
    private final Platform host;
    private final Clock clock;
    private final FileDigests digests;

    BinaryInstaller(BinaryStore store, ManifestStore manifests, BinLinks links, PlatformTrust trust, Path staging,
                    Platform host, Clock clock, FileDigests digests) {
        this.store = store;
        this.manifests = manifests;
        this.links = links;
        this.trust = trust;
        this.staging = new StagingArea(staging);
        this.host = host;
        this.clock = clock;
        this.digests = digests;
    }

    static Path lockFile(Stack stack) {
        return stack.directory().resolve(ManifestStore.FILE_NAME);
    }

    Manifest manifest(Stack stack) {
        return manifests.read(lockFile(stack));
    }

    /**
     * Before the stack starts: every binary of the stack file has a current version and its link points at it.
     * A binary whose source is a local file ({@link SourceCapability#LOCAL_FILE}) without one is stored from its
     * path; the others must have been fetched. A current
     * version whose store file is gone is restored only from exactly its bytes, never replaced by others.
     */
    void ensureInstalled(Stack stack) {
        for (BinarySpec spec : stack.binaries().values()) {
            Optional<BinaryVersion> recorded = manifest(stack).current(spec.name());
            if (recorded.isPresent()) {
                StoredBinary current = store.find(recorded.get().sha256(), spec.name())
                        .or(() -> restoreFromPath(stack, spec, recorded.get()))
                        .orElseThrow(() -> missing(stack, spec, recorded.get()));
                links.switchTo(stack.stateDir(), spec.name(), current);
            } else if (spec.has(SourceCapability.LOCAL_FILE)) {
                Path file = sourcePath(stack, spec);
                Trusted trusted = storeTrusted(file, spec.name());
                StoredBinary stored = trusted.stored();
                runnable(file, stored).ifPresent(refused -> {
                    throw refused;
                });
                BinaryVersion version = versionOf(spec, stored, null, localEvidence(file), trusted.steps(),
                        Provenance.NONE);
                manifests.update(lockFile(stack), m -> m.install(spec.name(), version, false, clock.instant()));
                links.switchTo(stack.stateDir(), spec.name(), stored);
            } else {
                throw new PitstopException(spec.name() + ": not fetched yet; run `pitstop fetch " + spec.name() + "` first");
            }
        }
    }

    /**
     * At {@code up}: a candidate that {@code bin/NAME} still points at is a swap the previous supervisor never
     * finished (it was killed). Current stays (the link goes back to it); the candidate goes to history as rolled
     * back, neither running nor marked bad.
     */
    void abandonInterruptedSwaps(Stack stack) {
        Manifest manifest = manifest(stack);
        for (String name : stack.binaries().keySet()) {
            Optional<BinaryVersion> candidate = manifest.candidate(name);
            // a candidate a fetch recorded for a later `update` is pending, not interrupted: its link never moved
            Optional<Path> linked = links.current(stack.stateDir(), name);
            boolean swapping = candidate.flatMap(c -> store.find(c.sha256(), name))
                    .map(stored -> linked.map(stored.path()::equals).orElse(false)).orElse(false);
            if (swapping) {
                manifests.update(lockFile(stack), m -> m.abandonCandidate(name, "swap interrupted: the supervisor "
                        + "stopped before " + candidate.get().label() + " was proven ready", clock.instant()));
            }
        }
    }

    /** The recorded current version from the file at a {@code file:} path that holds exactly its bytes. */
    private Optional<StoredBinary> restoreFromPath(Stack stack, BinarySpec spec, BinaryVersion recorded) {
        return fileAtPath(stack, spec.name()).filter(f -> f.sha().equals(recorded.sha256()))
                .map(f -> storeTrusted(f.path(), spec.name()).stored())
                .filter(stored -> stored.sha256().equals(recorded.sha256()));
    }

    private PitstopException missing(Stack stack, BinarySpec spec, BinaryVersion recorded) {
        String name = spec.name();
        String gone = name + ": the current version " + recorded.label() + " (sha256 " + recorded.sha256().hex()
                + ") is missing from the store";
        if (!spec.has(SourceCapability.LOCAL_FILE)) {
            return new PitstopException(gone + "; `pitstop fetch " + name + "` restores it if the source still has "
                    + "exactly those bytes, else `pitstop rollback " + name + "` or `pitstop install " + name + " FILE`");
        }
        Path path = stack.directory().resolve(spec.location()).normalize();
        String at = fileAtPath(stack, name).map(f -> "; " + path + " holds other bytes (sha256 " + f.sha().shortHex()
                + "), which are not taken in its place").orElse("; " + path + " does not exist");
        return new PitstopException(gone + at + ": put that build back at " + path + ", or run `pitstop install "
                + name + " FILE` or `pitstop rollback " + name + "`");
    }

    /** Deletes what installs and fetches killed half way left in the staging folder (hundreds of MB each). */
    List<Path> deleteStaleStaging() {
        return staging.deleteStale();
    }

    /** The stored file of the manifest's current version, if both exist. */
    Optional<StoredBinary> currentStored(Stack stack, String name) {
        return manifest(stack).current(name).flatMap(v -> store.find(v.sha256(), name));
    }

    /**
     * Stores a file and records it as the candidate (not yet current). A file this machine cannot run is
     * recorded as a bad candidate in the same manifest change and refused, before any process is touched, so
     * that nothing offers the same bytes again.
     *
     * @throws BinaryNotRunnableException naming {@code file} and why it cannot run
     * @throws dev.pitstop.core.store.BadBinaryException if the bytes were marked bad before and not {@code force}
     */
    Candidate storeCandidate(Stack stack, String name, Path file, String version, boolean force) {
        return storeCandidate(stack, name, file, version, localEvidence(file), force);
    }

    /** Like {@link #storeCandidate(Stack, String, Path, String, boolean)}, with the evidence a fetch gathered. */
    Candidate storeCandidate(Stack stack, String name, Path file, String version, List<Evidence> evidence,
                             boolean force) {
        return storeCandidate(stack, name, file, version, evidence, force, Provenance.NONE);
    }

    /** Like the others, for a version whose commit and build the manifest records too. */
    Candidate storeCandidate(Stack stack, String name, Path file, String version, List<Evidence> evidence,
                             boolean force, Provenance provenance) {
        BinarySpec spec = spec(stack, name);
        Trusted trusted = storeTrusted(file, name);
        BinaryVersion recorded = versionOf(spec, trusted.stored(), version, evidence, trusted.steps(), provenance);
        Optional<BinaryNotRunnableException> refused = runnable(file, trusted.stored());
        Instant now = clock.instant();
        manifests.update(lockFile(stack), m -> {
            Manifest offered = m.withCandidate(name, recorded, force, now);
            return refused.map(e -> offered.markBad(name, "cannot run here: " + reasons(e.report()), now))
                    .orElse(offered);
        });
        if (refused.isPresent()) {
            throw refused.get();
        }
        return new Candidate(trusted.stored(), recorded);
    }

    /** The trust check of the stored copy (where it will run from), reported under the name the user gave. */
    private Optional<BinaryNotRunnableException> runnable(Path file, StoredBinary stored) {
        TrustReport check = trust.check(stored.path());
        return check.runnable() ? Optional.empty()
                : Optional.of(new BinaryNotRunnableException(new TrustReport(file, check.findings(), check.actions())));
    }

    private static String reasons(TrustReport report) {
        return report.errors().stream().map(TrustReport.Finding::message).collect(Collectors.joining("; "));
    }

    /**
     * Trust steps change the file (exec bits, quarantine flags, ad-hoc signatures), so they run on a staged
     * copy before the store makes it read-only; the user's own file is never touched.
     */
    private Trusted storeTrusted(Path file, String name) {
        Path staged = null;
        try {
            staged = staging.newFile(name);
            Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
            TrustReport report = trust.prepare(staged);
            // the steps go into the committed manifest: without the throw-away path of the staged copy
            String stagedPath = " " + staged;
            List<String> steps = report.actions().stream().map(a -> a.replace(stagedPath, "")).toList();
            return new Trusted(store.put(staged, name), steps);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot stage " + file, e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // left behind, it is deleted at the next start or `store gc` (StagingArea.deleteStale)
                }
            }
        }
    }

    private static List<Evidence> localEvidence(Path file) {
        return List.of(new Evidence("none", "local file " + file));
    }

    /** For a local-file binary: the file at its path and what the manifest knows of its bytes, if there is one. */
    Optional<PathFile> fileAtPath(Stack stack, String name) {
        BinarySpec spec = spec(stack, name);
        if (!spec.has(SourceCapability.LOCAL_FILE)) {
            return Optional.empty();
        }
        Path path = stack.directory().resolve(spec.location()).normalize();
        if (!Files.isRegularFile(path)) {
            return Optional.empty(); // gone (a clean build): the stored current version still runs
        }
        try {
            // a stat when the file is unchanged: reloads must not re-read a 200 MB binary every time
            Sha256 onDisk = digests.of(path);
            return Optional.of(new PathFile(name, path, onDisk,
                    manifest(stack).binary(name).orElse(BinaryRecord.empty())));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read " + path, e);
        }
    }

    /** The SHA-256 of a file the user named. */
    Sha256 hash(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PitstopException(file + ": no such file to install");
        }
        try {
            return digests.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    Optional<StoredBinary> stored(Sha256 sha, String name) {
        return store.find(sha, name);
    }

    void link(Stack stack, StoredBinary binary) {
        links.switchTo(stack.stateDir(), binary.name(), binary);
    }

    Manifest update(Stack stack, java.util.function.UnaryOperator<Manifest> change) {
        return manifests.update(lockFile(stack), change);
    }

    Instant now() {
        return clock.instant();
    }

    static BinarySpec spec(Stack stack, String name) {
        BinarySpec spec = stack.binaries().get(name);
        if (spec == null) {
            throw new PitstopException("no binary named '" + name + "' in " + stack.file()
                    + " (declared: " + String.join(", ", stack.binaries().keySet()) + ")");
        }
        return spec;
    }

    private static Path sourcePath(Stack stack, BinarySpec spec) {
        Path path = stack.directory().resolve(spec.location()).normalize();
        if (!Files.isRegularFile(path)) {
            throw new PitstopException(spec.name() + ": file source " + path + " does not exist");
        }
        return path;
    }

    private BinaryVersion versionOf(BinarySpec spec, StoredBinary stored, String version, List<Evidence> evidence,
                                    List<String> trustSteps, Provenance provenance) {
        // one label per SHA-256: three builds of "v2.9.10" must not look alike in the history or to rollback --to
        String label = version != null ? version
                : "latest".equals(spec.version()) ? "local-" + stored.sha256().shortHex()
                : spec.version() + "+" + stored.sha256().hex().substring(0, 8);
        return new BinaryVersion(SourceCoordinates.of(spec.kind(), spec.location()), label, provenance.commit(),
                stored.sha256(), stored.size(), host, clock.instant(), evidence, trustSteps, provenance.buildKey(),
                provenance.build());
    }

    private record Trusted(StoredBinary stored, List<String> steps) {}

    /** A stored version recorded as candidate. */
    record Candidate(StoredBinary stored, BinaryVersion version) {}
}
