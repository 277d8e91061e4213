package dev.pitstop.fetchers;

import static dev.pitstop.fetchers.Fixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.DigestMismatchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.trust.PublishedArtifact;
import dev.pitstop.core.trust.PublishedArtifact.PublishedSignature;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.RecordedRequest;
import dev.pitstop.testkit.release.ReleaseServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources hand the downloaded file and the signatures published next to it to the engine, reading only the
 * kinds a key is configured for. (Whether a signature is valid is the signing module's business.)
 */
class SignatureAssetsTest {
    static final Platform LINUX = Platform.parse("linux/amd64");
    static final String TGZ = "tool_1.0.0_linux_amd64.tar.gz";
    static final String MINISIG = "untrusted comment: minisign signature\nRUQ…\ntrusted comment: t\nAAA…\n";
    static final String COSIGN = "MEUCIQDcosign==\n";

    @TempDir
    Path tmp;
    ReleaseServer server;
    Fixture fixture;
    Path staging;
    byte[] archive;

    @BeforeEach
    void start() throws Exception {
        server = ReleaseServer.start();
        archive = Archives.tar().file("tool", "#!/bin/sh\n", 0755).build("gz");
        server.repo("acme/tool").release("v1.0.0").asset(TGZ, archive)
                .asset(TGZ + ".minisig", MINISIG).asset(TGZ + ".sig", COSIGN).asset(TGZ + ".pem", "certificate");
        fixture = new Fixture(tmp.resolve("home"), Map.of("GITHUB_API_URL", server.apiUrl().toString()));
        staging = Files.createDirectories(tmp.resolve("staging"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void githubHandsOverTheMinisigWhenAMinisignKeyIsConfigured() throws Exception {
        FetchedBinary got = fetch("github", "acme/tool", "public_key: keys/tool.pub");

        PublishedArtifact artifact = got.artifact().orElseThrow();
        assertThat(artifact.file()).isEqualTo(staging.resolve(".artifact").resolve(TGZ));
        assertThat(Files.readAllBytes(artifact.file())).isEqualTo(archive);
        assertThat(artifact.digests()).extracting(d -> d.kind()).containsExactly("github-digest");
        assertThat(artifact.signatures()).containsExactly(new PublishedSignature("minisign", MINISIG, TGZ + ".minisig"));
        assertThat(downloaded(TGZ + ".sig")).isFalse();
    }

    @Test
    void noKeyNoSignatureRequests() throws Exception {
        FetchedBinary got = fetch("github", "acme/tool", "");

        assertThat(got.artifact().orElseThrow().signatures()).isEmpty();
        assertThat(downloaded(TGZ + ".minisig")).isFalse();
        assertThat(downloaded(TGZ + ".sig")).isFalse();
    }

    @Test
    void aMirrorFolderHandsOverTheCosignSignature() throws Exception {
        Path mirror = tmp.resolve("mirror");
        server.writeMirror(mirror);

        FetchedBinary got = fetch("mirror", mirror.toString(), "repo: acme/tool\ncosign_key: keys/cosign.pub");

        assertThat(got.artifact().orElseThrow().signatures())
                .containsExactly(new PublishedSignature("cosign", COSIGN, TGZ + ".sig"));
    }

    @Test
    void aUrlSourceReadsItsSignatureUrlTemplate() throws Exception {
        String base = server.apiUrl() + "acme/tool/releases/download/v{version}/";
        String yaml = "public_key: RWQ\nsignature_url: \"" + base + "tool_{version}_{os}_{arch}.tar.gz.minisig\"";

        FetchedBinary got = fetch("url", base + "tool_{version}_{os}_{arch}.tar.gz", yaml);

        assertThat(got.artifact().orElseThrow().signatures()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("minisign");
            assertThat(s.text()).isEqualTo(MINISIG);
            assertThat(s.source()).endsWith("/v1.0.0/" + TGZ + ".minisig");
        });
        Files.deleteIfExists(got.path());
        Files.deleteIfExists(got.artifact().get().file());

        String missing = "public_key: RWQ\nsignature_url: \"" + base + "nothing-here.minisig\"";
        assertThat(fetch("url", base + "tool_{version}_{os}_{arch}.tar.gz", missing).artifact().orElseThrow()
                .signatures()).isEmpty();
    }

    @Test
    void aFailedFetchLeavesNoArtifactBehind() {
        String yaml = "public_key: RWQ\nchecksum: \"" + "0".repeat(64) + "\"";
        String template = server.apiUrl() + "acme/tool/releases/download/v{version}/tool_{version}_{os}_{arch}.tar.gz";

        assertThatThrownBy(() -> fetch("url", template, yaml)).isInstanceOf(DigestMismatchException.class);
        assertThat(Fixture.filesIn(staging)).isZero();
    }

    private FetchedBinary fetch(String kind, String location, String yaml) {
        return fixture.source(kind).fetch(Fixture.request(fixture.source(kind), spec("tool", kind, location, "1.0.0", yaml), LINUX, staging));
    }

    private boolean downloaded(String asset) {
        return server.requests().stream().map(RecordedRequest::pathAndQuery).anyMatch(p -> p.endsWith("/" + asset));
    }
}
