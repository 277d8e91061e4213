package dev.pitstop.signing;

import static dev.pitstop.signing.testing.Tools.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.Digest;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.signing.TrustPolicy.Mode;
import dev.pitstop.signing.cosign.CosignVerifier;
import dev.pitstop.signing.minisign.Minisign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationTest {

    @TempDir Path dir;
    private final Verification verification = new Verification(new ChecksumVerifier(), new Minisign(), new CosignVerifier());
    private Path file;
    private Digest sha256;

    @BeforeEach
    void file() throws Exception {
        file = dir.resolve("tool");
        Files.writeString(file, "the real tool\n");
        sha256 = new Digest("sha256", ok(dir, "sh", "-c", "sha256sum tool | cut -c1-64").strip());
    }

    private static TrustPolicy policy(String yaml) throws Exception {
        return TrustPolicy.of(TestSpecs.spec("tool", "github", "o/r", yaml));
    }

    @Test
    void defaultsAreChecksumIfPublishedAndNoSignature() throws Exception {
        TrustPolicy p = policy("version: latest\n");
        assertThat(p.checksum()).isEqualTo(Mode.IF_PUBLISHED);
        assertThat(p.signature()).isEqualTo(Mode.OFF);
        assertThat(verification.verify(file, p, Published.NOTHING, dir))
                .containsExactly(new Evidence("none", "no checksum or signature published (checksum: if-published, signature: off)"));
        assertThat(verification.verify(file, p, Published.NOTHING.withDigest(sha256, "github-digest", "GitHub API"), dir))
                .containsExactly(new Evidence("github-digest", sha256 + " from GitHub API"));
    }

    @Test
    void policyKeysMap() throws Exception {
        assertThat(policy("checksum: required\nsignature: if-published\npublic_key: k.pub\n"))
                .isEqualTo(new TrustPolicy("tool", Mode.REQUIRED, Mode.IF_PUBLISHED, "k.pub", null));
        assertThat(policy("checksum: off\n").checksum()).isEqualTo(Mode.OFF);
        assertThat(policy("checksum: https://example.com/SHA256SUMS\n").checksum()).isEqualTo(Mode.REQUIRED);
        assertThat(policy("cosign_key: cosign.pub\n").signature()).isEqualTo(Mode.REQUIRED);
        assertThat(policy("checksum: false\n").checksum()).isEqualTo(Mode.OFF);
        assertThat(policy("public_key: k.pub\nsignature: https://example.com/tool.minisig\n").signature()).isEqualTo(Mode.REQUIRED);
        assertThatThrownBy(() -> policy("signature: maybe\n")).isInstanceOf(PolicyViolationException.class)
                .hasMessage("binary tool: signature: 'maybe' is not one of required, if-published, off");
        assertThatThrownBy(() -> policy("signature: required\n")).isInstanceOf(PolicyViolationException.class)
                .hasMessage("binary tool: signature: required needs public_key (minisign) or cosign_key");
        assertThatThrownBy(() -> policy("public_key: ' '\n")).isInstanceOf(PolicyViolationException.class)
                .hasMessageStartingWith("binary tool: public_key: expected a key or a file path");
    }

    @Test
    void requiredChecksumMissingIsAViolation() throws Exception {
        assertThatThrownBy(() -> verification.verify(file, policy("checksum: required\n"), Published.NOTHING, dir))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("binary tool: checksum: required, but the release publishes no checksum for tool");
    }

    @Test
    void wrongDigestFailsEvenIfAnotherMatches() throws Exception {
        Published p = Published.NOTHING.withDigest(sha256, "github-digest", "GitHub API")
                .withDigest(new Digest("sha256", "1".repeat(64)), "checksum-file", "SHA256SUMS");
        assertThatThrownBy(() -> verification.verify(file, policy(""), p, dir)).isInstanceOf(ChecksumMismatchException.class);
        assertThat(verification.verify(file, policy("checksum: off\n"), p, dir)).extracting(Evidence::kind).containsExactly("none");
    }

    @Test
    void minisignSignatureWithKeyFileAndInlineKey() throws Exception {
        ok(dir, "minisign", "-G", "-p", "tool.pub", "-s", "tool.key", "-W");
        ok(dir, "minisign", "-Sm", "tool", "-s", "tool.key", "-t", "tool 1.0");
        String sig = Files.readString(dir.resolve("tool.minisig"));
        Published published = Published.NOTHING.withDigest(sha256, "checksum-file", "SHA256SUMS")
                .withSignature("minisign", sig, "tool.minisig");
        List<Evidence> evidence = verification.verify(file, policy("public_key: tool.pub\n"), published, dir);
        assertThat(evidence).extracting(Evidence::kind).containsExactly("checksum-file", "minisign");
        assertThat(evidence.get(1).detail()).endsWith("trusted comment: tool 1.0");

        String inline = Files.readAllLines(dir.resolve("tool.pub")).get(1);
        assertThat(verification.verify(file, policy("public_key: " + inline + "\n"), published, dir)).hasSize(2);
    }

    @Test
    void requiredSignatureMissingOrBadFails() throws Exception {
        ok(dir, "minisign", "-G", "-p", "tool.pub", "-s", "tool.key", "-W");
        assertThatThrownBy(() -> verification.verify(file, policy("public_key: tool.pub\n"), Published.NOTHING, dir))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("binary tool: signature: required, but the release publishes no minisign signature for tool");
        assertThat(verification.verify(file, policy("public_key: tool.pub\nsignature: if-published\n"), Published.NOTHING, dir))
                .extracting(Evidence::kind).containsExactly("none");

        ok(dir, "minisign", "-Sm", "tool", "-s", "tool.key");
        String sig = Files.readString(dir.resolve("tool.minisig"));
        Files.writeString(file, "a trojan\n");
        assertThatThrownBy(() -> verification.verify(file, policy("public_key: tool.pub\nsignature: if-published\n"),
                Published.NOTHING.withSignature("minisign", sig, "tool.minisig"), dir))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void cosignSignature() throws Exception {
        ok(dir, "openssl", "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "key.pem");
        ok(dir, "openssl", "ec", "-in", "key.pem", "-pubout", "-out", "cosign.pub");
        String sig = ok(dir, "sh", "-c", "openssl dgst -sha256 -sign key.pem tool | base64 -w0");
        List<Evidence> evidence = verification.verify(file, policy("cosign_key: cosign.pub\n"),
                Published.NOTHING.withSignature("cosign", sig, "tool.sig"), dir);
        assertThat(evidence).singleElement().satisfies(e -> assertThat(e.detail()).startsWith("key sha256:"));
    }

    @Test
    void missingKeyFileIsAClearError() throws Exception {
        assertThatThrownBy(() -> verification.verify(file, policy("public_key: nope.pub\n"),
                Published.NOTHING.withSignature("minisign", "x", "tool.minisig"), dir))
                .isInstanceOf(dev.pitstop.core.PitstopException.class)
                .hasMessage("binary tool: public_key: no such file " + dir.resolve("nope.pub"));
    }
}
