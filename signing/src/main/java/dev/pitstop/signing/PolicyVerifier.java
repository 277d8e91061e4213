package dev.pitstop.signing;

import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.ArtifactVerifier;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PublishedArtifact;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The engine's {@link ArtifactVerifier}: the binary's {@link TrustPolicy}, applied by {@link Verification}. */
final class PolicyVerifier implements ArtifactVerifier {
    private final Verification verification;

    @Inject
    PolicyVerifier(Verification verification) {
        this.verification = Objects.requireNonNull(verification, "verification");
    }

    @Override
    public List<Evidence> verify(BinarySpec spec, Path stackDir, PublishedArtifact artifact) {
        TrustPolicy policy = TrustPolicy.of(spec);
        Published published = Published.NOTHING;
        for (PublishedArtifact.PublishedDigest d : artifact.digests()) {
            published = published.withDigest(d.digest(), d.kind(), d.source());
        }
        for (PublishedArtifact.PublishedSignature s : artifact.signatures()) {
            published = published.withSignature(s.kind(), s.text(), s.source());
        }
        return verification.verify(artifact.file(), policy, published, stackDir);
    }
}
