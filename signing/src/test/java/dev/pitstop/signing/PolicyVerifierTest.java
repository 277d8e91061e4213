package dev.pitstop.signing;

import static dev.pitstop.signing.testing.Tools.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.ArtifactVerifier;
import dev.pitstop.core.trust.Digest;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PublishedArtifact;
import dev.pitstop.core.trust.PublishedArtifact.PublishedDigest;
import dev.pitstop.core.trust.PublishedArtifact.PublishedSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's verifier as {@link SigningModule} binds it, on a file signed by the real openssl (cosign format). */
class PolicyVerifierTest {

    @TempDir
    Path dir;
    private final ArtifactVerifier verifier = Guice.createInjector(new SigningModule()).getInstance(ArtifactVerifier.class);
    private Path file;
    private PublishedDigest digest;
    private PublishedSignature cosign;

    @BeforeEach
    void sign() throws Exception {
        file = dir.resolve("tool.tar.gz");
        Files.write(file, "archive bytes\n".repeat(100).getBytes());
        ok(dir, "openssl", "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "key.pem");
        ok(dir, "openssl", "ec", "-in", "key.pem", "-pubout", "-out", "cosign.pub");
        cosign = new PublishedSignature("cosign",
                ok(dir, "sh", "-c", "openssl dgst -sha256 -sign key.pem tool.tar.gz | base64 -w0"), "tool.tar.gz.sig");
        digest = new PublishedDigest(new ChecksumVerifier().digest(file, "sha256"), "checksum-file", "SHA256SUMS");
    }

    @Test
    void recordsEveryDigestAndTheCosignSignature() throws Exception {
        List<Evidence> evidence = verifier.verify(spec("cosign_key: cosign.pub"), dir,
                new PublishedArtifact(file, List.of(digest), List.of(cosign)));

        assertThat(evidence).extracting(Evidence::kind).containsExactly("checksum-file", "cosign");
        assertThat(evidence.get(0).detail()).isEqualTo(digest.digest() + " from SHA256SUMS");
    }

    @Test
    void aWrongDigestIsRefusedUnlessChecksumsAreOff() throws Exception {
        PublishedDigest wrong = new PublishedDigest(new Digest("sha256", "0".repeat(64)), "github-digest", null);
        PublishedArtifact artifact = new PublishedArtifact(file, List.of(wrong), List.of());

        assertThatThrownBy(() -> verifier.verify(spec(""), dir, artifact))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageStartingWith("tool.tar.gz: sha256 mismatch: expected 0000");
        assertThat(verifier.verify(spec("checksum: \"off\""), dir, artifact)).extracting(Evidence::kind)
                .containsExactly("none");
    }

    @Test
    void aSignatureThatIsNotTrustedDoesNotCountAsEvidence() throws Exception {
        PublishedArtifact signedOnly = new PublishedArtifact(file, List.of(), List.of(cosign));

        assertThat(verifier.verify(spec(""), dir, signedOnly)).extracting(Evidence::kind).containsExactly("none");
        assertThatThrownBy(() -> verifier.verify(spec("checksum: required"), dir, signedOnly))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("binary tool: checksum: required, but the release publishes no checksum for tool.tar.gz");
        assertThatThrownBy(() -> verifier.verify(spec("cosign_key: cosign.pub"), dir, PublishedArtifact.unattested(file)))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("binary tool: signature: required, but the release publishes no cosign signature for tool.tar.gz");
    }

    private static BinarySpec spec(String yaml) throws Exception {
        return TestSpecs.spec("tool", "github", "acme/tool", yaml);
    }
}
