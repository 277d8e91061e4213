package dev.pitstop.fetchers.internal.pipeline;

import com.google.inject.Inject;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.DigestMismatchException;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PublishedArtifact;
import dev.pitstop.core.trust.PublishedArtifact.PublishedDigest;
import dev.pitstop.core.trust.PublishedArtifact.PublishedSignature;
import dev.pitstop.fetchers.internal.archive.ArchiveFormat;
import dev.pitstop.fetchers.internal.archive.BinaryPicker;
import dev.pitstop.fetchers.internal.archive.Extracted;
import dev.pitstop.fetchers.ExtractionLimits;
import dev.pitstop.fetchers.internal.archive.Extractor;
import dev.pitstop.fetchers.internal.http.Download;
import dev.pitstop.fetchers.internal.http.HashingFile;
import dev.pitstop.fetchers.HttpSettings;
import dev.pitstop.fetchers.internal.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every source shares: collect evidence → download while hashing → compare → extract → pick the
 * binary. Tar archives from the network are unpacked while they download (on a second thread, into the staging
 * folder) and used only if the download then matches its evidence. The downloaded file stays in the staging
 * folder ({@code .artifact/<asset>}) with the digests and signatures published for it, for the engine's trust
 * policy. Any failure removes what it put into the staging folder.
 */
public final class FetchPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(FetchPipeline.class);
    private static final java.time.Duration EXTRACT_DEADLINE = java.time.Duration.ofMinutes(10);

    private final HttpTransport http;
    private final EvidenceCollector evidence;
    private final Signatures signatures;
    private final Extractor extractor;
    private final BinaryPicker picker = new BinaryPicker();
    private final HttpSettings settings;

    @Inject
    public FetchPipeline(HttpTransport http, HttpSettings settings, ChecksumParser parser, ExtractionLimits limits) {
        this.http = http;
        this.settings = settings;
        this.evidence = new EvidenceCollector(new TextReader(http), parser);
        this.signatures = new Signatures(new TextReader(http));
        this.extractor = new Extractor(limits);
    }

    public FetchedBinary run(FetchRequest request, Plan plan) {
        Path staging = request.stagingDir();
        String assetName = plan.asset().name();
        Path artifactDir = staging.resolve(".artifact");
        Path download = artifactDir.resolve(safe(assetName));
        Path unpacked = staging.resolve(".extract");
        boolean windows = "windows".equals(request.platform().os());
        Path binary = staging.resolve(request.spec().name() + (windows ? ".exe" : ""));
        boolean done = false;
        try {
            Files.createDirectories(artifactDir);
            List<PublishedDigest> expected = evidence.collect(plan);
            List<PublishedSignature> signed = signatures.collect(plan, request.spec().trust());
            Set<String> algorithms = new TreeSet<>(Set.of("sha256"));
            expected.forEach(e -> algorithms.add(e.digest().algorithm()));
            long started = System.nanoTime();
            URI uri = plan.asset().downloadUrl();
            Download got;
            List<Evidence> used;
            List<Extracted> files = null;
            if (!"file".equals(uri.getScheme()) && Extractor.streamable(assetName)) {
                try (ConcurrentExtraction unpacking = new ConcurrentExtraction(extractor, assetName, unpacked,
                        settings.readTimeout().multipliedBy(2))) {
                    got = http.download(uri, download, algorithms, request.progress(), unpacking.tee());
                    used = verify(assetName, expected, got, request.recordedSha().isPresent());
                    files = unpacking.result(EXTRACT_DEADLINE).orElse(null);
                }
            } else {
                got = Transfer.of(http, uri, download, algorithms, request.progress());
                used = verify(assetName, expected, got, request.recordedSha().isPresent());
            }
            long downloaded = System.nanoTime();
            if (files == null) {
                deleteQuietly(unpacked);
                files = extractor.extract(download, assetName, unpacked, request.spec().name());
            }
            Extracted chosen = picker.pick(assetName, files, plan.path(), plan.binaryNames(), windows);
            Files.move(chosen.file(), binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            binary.toFile().setExecutable(true, false);
            Sha256 archiveSha = new Sha256(got.digests().get("sha256"));
            Sha256 binarySha = chosen.sha256();
            LOG.debug("{}: {} bytes downloaded and hashed in {} ms, extracted and picked in {} ms", assetName, got.size(),
                    (downloaded - started) / 1_000_000, (System.nanoTime() - downloaded) / 1_000_000);
            if (request.recordedSha().isPresent()) {
                Sha256 recorded = request.recordedSha().get();
                if (!recorded.equals(archiveSha) && !recorded.equals(binarySha)) {
                    throw new DigestMismatchException(assetName, "manifest (recorded for version " + plan.version() + ")",
                            "sha256:" + recorded.hex(), "sha256:" + archiveSha.hex());
                }
                used.add(0, new Evidence("manifest", "sha256:" + recorded.hex()));
            }
            FetchedBinary result = new FetchedBinary(binary, binarySha, Files.size(binary), archiveSha, plan.version(),
                    plan.commit(), plan.coordinates(), assetName, used,
                    Optional.of(new PublishedArtifact(download, expected, signed)));
            done = true;
            return result;
        } catch (IOException e) {
            throw new FetchException(assetName + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(unpacked);
            if (!done) {
                deleteQuietly(artifactDir);
                deleteQuietly(binary);
            }
        }
    }

    static List<Evidence> verify(String assetName, List<PublishedDigest> expected, Download got,
                                         boolean recorded) {
        List<Evidence> used = new ArrayList<>();
        for (PublishedDigest e : expected) {
            Evidence evidence = new Evidence(e.kind(), e.source() == null ? e.digest().toString() : e.source());
            String actual = got.digests().get(e.digest().algorithm());
            if (!e.digest().hex().equals(actual)) {
                throw new DigestMismatchException(assetName, evidence.kind() + " " + evidence.detail(),
                        e.digest().toString(), e.digest().algorithm() + ":" + actual);
            }
            used.add(evidence);
        }
        if (used.isEmpty() && !recorded) {
            LOG.warn("{}: no published digest to check against; relying on the transport only", assetName);
            used.add(new Evidence("none", "no published digest for " + assetName));
        }
        return used;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot remove {}: {}", path, e.getMessage());
        }
    }
}
