package dev.pitstop.signing;

import dev.pitstop.core.trust.Evidence;
import dev.pitstop.signing.Published.PublishedDigest;
import dev.pitstop.signing.Published.PublishedSignature;
import dev.pitstop.signing.TrustPolicy.Mode;
import dev.pitstop.signing.cosign.CosignVerifier;
import dev.pitstop.signing.minisign.Minisign;
import dev.pitstop.signing.minisign.MinisignPublicKey;
import dev.pitstop.signing.minisign.MinisignSignature;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a binary's {@link TrustPolicy} to a staged file: checks every published digest and every signature
 * a trusted key exists for, and demands what the policy requires.
 */
public final class Verification {
    private final ChecksumVerifier checksums;
    private final Minisign minisign;
    private final CosignVerifier cosign;

    @Inject
    public Verification(ChecksumVerifier checksums, Minisign minisign, CosignVerifier cosign) {
        this.checksums = Objects.requireNonNull(checksums, "checksums");
        this.minisign = Objects.requireNonNull(minisign, "minisign");
        this.cosign = Objects.requireNonNull(cosign, "cosign");
    }

    /**
     * @param baseDir resolves relative key paths of the policy (the stack file's folder)
     * @return the evidence, at least one entry ({@code none} when nothing was published and nothing required)
     * @throws ChecksumMismatchException if a published digest differs
     * @throws BadSignatureException if a signature does not verify under the trusted key
     * @throws PolicyViolationException if required evidence is missing
     */
    public List<Evidence> verify(Path staged, TrustPolicy policy, Published published, Path baseDir) {
        List<Evidence> evidence = new ArrayList<>();
        if (policy.checksum() != Mode.OFF) {
            if (published.digests().isEmpty() && policy.checksum() == Mode.REQUIRED) {
                throw new PolicyViolationException(policy.binary(),
                        "checksum: required, but the release publishes no checksum for " + staged.getFileName());
            }
            for (PublishedDigest d : published.digests()) {
                checksums.verify(staged, d.digest());
                evidence.add(new Evidence(d.kind(), d.digest() + (d.source() == null ? "" : " from " + d.source())));
            }
        }
        if (policy.signature() != Mode.OFF) {
            int before = evidence.size();
            Optional<MinisignPublicKey> minisignKey = policy.minisignKey(baseDir);
            Optional<String> cosignKey = policy.cosignKeyPem(baseDir);
            for (PublishedSignature s : published.signatures()) {
                if (s.kind().equals("minisign") && minisignKey.isPresent()) {
                    MinisignSignature sig = MinisignSignature.parse(s.text(), source(s, staged));
                    String comment = minisign.verify(staged, sig, minisignKey.get());
                    evidence.add(new Evidence("minisign", "key " + minisignKey.get().keyId() + ", trusted comment: " + comment));
                } else if (s.kind().equals("cosign") && cosignKey.isPresent()) {
                    evidence.add(new Evidence("cosign", "key " + cosign.verify(staged, s.text(), cosignKey.get())));
                }
            }
            if (evidence.size() == before && policy.signature() == Mode.REQUIRED) {
                throw new PolicyViolationException(policy.binary(), "signature: required, but the release publishes no "
                        + (minisignKey.isPresent() ? "minisign" : "cosign") + " signature for " + staged.getFileName());
            }
        }
        if (evidence.isEmpty()) {
            evidence.add(new Evidence("none", "no checksum or signature published (checksum: " + policy.checksum()
                    + ", signature: " + policy.signature() + ")"));
        }
        return List.copyOf(evidence);
    }

    private static String source(PublishedSignature s, Path staged) {
        return s.source() != null ? s.source() : staged.getFileName() + ".minisig";
    }
}
