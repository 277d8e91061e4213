package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.Digest;
import dev.pitstop.core.trust.PublishedArtifact.PublishedDigest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers, before the download, every digest the publisher gives for the asset: the host's per-asset digest,
 * a digest from the stack file, and else a published checksum file. (The manifest's SHA-256 is checked by the
 * pipeline, since it may name the archive or the extracted binary.)
 */
final class EvidenceCollector {
    private final TextReader text;
    private final ChecksumParser parser;

    EvidenceCollector(TextReader text, ChecksumParser parser) {
        this.text = text;
        this.parser = parser;
    }

    List<PublishedDigest> collect(Plan plan) {
        List<PublishedDigest> expected = new ArrayList<>();
        String name = plan.asset().name();
        if (plan.asset().digest() != null) {
            expected.add(new PublishedDigest(plan.asset().digest(), "github-digest", null));
        }
        plan.inlineChecksum().ifPresent(d -> expected.add(new PublishedDigest(d, "inline-checksum", null)));
        if (plan.checksumUrl().isPresent()) {
            URI uri = plan.checksumUrl().get();
            String body = text.read(uri).orElseThrow(() -> new FetchException("checksum_url " + uri + " was not found"));
            Digest d = parser.find(body, name).orElseThrow(() -> new FetchException(
                    "checksum_url " + uri + " lists no digest for " + name));
            expected.add(new PublishedDigest(d, "checksum-file", uri.toString()));
        }
        if (expected.isEmpty()) {
            fromChecksumFiles(plan).ifPresent(expected::add);
        }
        return expected;
    }

    private Optional<PublishedDigest> fromChecksumFiles(Plan plan) {
        String name = plan.asset().name();
        for (Asset file : ChecksumFiles.forAsset(name, plan.siblings())) {
            Optional<String> body = text.read(file.downloadUrl());
            if (body.isEmpty()) {
                continue;
            }
            Optional<Digest> d = parser.find(body.get(), name);
            if (d.isPresent()) {
                return Optional.of(new PublishedDigest(d.get(), "checksum-file", file.name()));
            }
        }
        return Optional.empty();
    }
}
