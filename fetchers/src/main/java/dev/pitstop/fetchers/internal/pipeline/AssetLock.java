package dev.pitstop.fetchers.internal.pipeline;

import com.google.inject.Inject;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.LockedAsset;
import dev.pitstop.core.source.ProgressListener;
import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PublishedArtifact.PublishedDigest;
import dev.pitstop.fetchers.internal.http.Download;
import dev.pitstop.fetchers.internal.http.HttpTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pitstop lock} records for a planned asset: its SHA-256 from the digests published for it (the host's
 * per-asset digest, a digest in the stack file, a checksum file), read without downloading the asset; only when
 * none gives a SHA-256, one download into a temporary file that is hashed (and checked against any other published
 * digest) and deleted.
 */
public final class AssetLock {
    private final HttpTransport http;
    private final EvidenceCollector evidence;

    @Inject
    public AssetLock(HttpTransport http, ChecksumParser parser) {
        this.http = http;
        this.evidence = new EvidenceCollector(new TextReader(http), parser);
    }

    public LockedAsset lock(Plan plan) {
        String name = plan.asset().name();
        List<PublishedDigest> expected = evidence.collect(plan);
        List<Evidence> used = new ArrayList<>();
        expected.forEach(e -> used.add(new Evidence(e.kind(), e.source() == null ? e.digest().toString() : e.source())));
        Optional<PublishedDigest> sha256 = expected.stream().filter(e -> "sha256".equals(e.digest().algorithm()))
                .findFirst();
        if (sha256.isPresent()) {
            return new LockedAsset(name, plan.asset().downloadUrl(), plan.asset().size(),
                    new Sha256(sha256.get().digest().hex()), used);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("pitstop-lock-", ".part");
            Set<String> algorithms = new TreeSet<>(Set.of("sha256"));
            expected.forEach(e -> algorithms.add(e.digest().algorithm()));
            Download got = Transfer.of(http, plan.asset().downloadUrl(), temp, algorithms, ProgressListener.NONE);
            List<Evidence> checked = new ArrayList<>(FetchPipeline.verify(name, expected, got, true));
            checked.add(new Evidence("download", "hashed one download of " + HttpTransport.redact(plan.asset().downloadUrl())));
            return new LockedAsset(name, plan.asset().downloadUrl(), got.size(), new Sha256(got.digests().get("sha256")),
                    checked);
        } catch (IOException e) {
            throw new FetchException(name + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a temporary file; the OS cleans its temp folder
                }
            }
        }
    }
}
