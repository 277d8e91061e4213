package dev.pitstop.fetchers.github;

import static dev.pitstop.fetchers.Fixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.DigestMismatchException;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.NoMatchingAssetException;
import dev.pitstop.core.source.RateLimitedException;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.StackFileException;
import dev.pitstop.fetchers.Fixture;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.RecordedRequest;
import dev.pitstop.testkit.release.ReleaseServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubSourceTest {
    static final Platform LINUX = Platform.parse("linux/amd64");
    static final String TGZ = "demo_1.2.3_linux_amd64.tar.gz";

    @TempDir
    Path tmp;
    ReleaseServer server;
    byte[] binary;
    Path staging;

    @BeforeEach
    void start() throws Exception {
        server = ReleaseServer.start();
        binary = new byte[300_000];
        new Random(42).nextBytes(binary);
        server.repo("demo-org/demo").release("v1.2.3")
                .asset(TGZ, Archives.tar().file("demo_1.2.3/README.md", "hi", 0644)
                        .file("demo_1.2.3/demo", binary, 0755).build("gz"))
                .asset("demo_1.2.3_darwin_arm64.zip", Archives.zip().file("demo", binary, 0755).buildZip())
                .asset("demo_1.2.3_linux_amd64.deb", "not a binary")
                .checksums("checksums.txt");
        staging = Files.createDirectories(tmp.resolve("staging"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Fixture fixture(Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("GITHUB_API_URL", server.apiUrl().toString());
        return new Fixture(tmp.resolve("home"), env);
    }

    Source<?> github() {
        return fixture(Map.of()).source("github");
    }

    static BinarySpec demo(String version, String yaml) {
        return spec("demo", "github", "demo-org/demo", version, yaml);
    }

    @Test
    void fetchesTheLatestReleaseVerifiedByGithubsDigest() throws Exception {
        FetchedBinary got = github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging));

        assertThat(got.assetName()).isEqualTo(TGZ);
        assertThat(got.version()).isEqualTo("1.2.3");
        assertThat(got.coordinates()).isEqualTo("github:demo-org/demo");
        assertThat(Files.readAllBytes(got.path())).isEqualTo(binary);
        assertThat(Files.isExecutable(got.path())).isTrue();
        assertThat(got.sha256()).isEqualTo(Sha256.ofFile(got.path()));
        assertThat(got.size()).isEqualTo(binary.length);
        assertThat(got.evidence()).extracting(e -> e.kind()).containsExactly("github-digest");
        // the binary, and the download as published, kept for the engine's trust policy
        assertThat(Fixture.filesIn(staging)).isEqualTo(2);
        var artifact = got.artifact().orElseThrow();
        assertThat(artifact.file()).isEqualTo(staging.resolve(".artifact").resolve(TGZ));
        assertThat(Sha256.ofFile(artifact.file())).isEqualTo(got.archiveSha256());
        assertThat(artifact.digests()).extracting(d -> d.kind()).containsExactly("github-digest");
        assertThat(artifact.signatures()).isEmpty();
    }

    @Test
    void usesTheReleaseChecksumsFileWhenGithubPublishesNoDigest() {
        server.repo("demo-org/demo").release("v1.2.4").publishDigests(false)
                .asset("demo_1.2.4_linux_amd64.tar.gz", Archives.tar().file("demo", binary, 0755).build("gz"))
                .checksums("demo_1.2.4_checksums.txt");

        FetchedBinary got = github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging));

        assertThat(got.version()).isEqualTo("1.2.4");
        assertThat(got.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("checksum-file");
            assertThat(e.detail()).isEqualTo("demo_1.2.4_checksums.txt");
        });
    }

    @Test
    void resolvesTagsWithOrWithoutTheLeadingV() {
        server.repo("demo-org/demo").release("v2.0.0").asset("demo_2.0.0_linux_amd64.tar.gz", "x");

        assertThat(github().resolve(demo("1.2.3", ""), LINUX).tag()).isEqualTo("v1.2.3");
        assertThat(github().resolve(demo("v1.2.3", ""), LINUX).tag()).isEqualTo("v1.2.3");
        assertThatThrownBy(() -> github().resolve(demo("9.9.9", ""), LINUX))
                .isInstanceOf(FetchException.class).hasMessageContaining("no release tagged 9.9.9");
    }

    @Test
    void prereleaseTrueWalksTheLinkPagesPastDrafts() {
        server.repo("demo-org/demo").release("v2.0.0-rc.1").prerelease(true).asset("demo_linux_amd64.tar.gz", "x");
        for (int i = 0; i < 35; i++) {
            server.repo("demo-org/demo").release("v9.0." + i).draft(true);
        }

        Release release = github().resolve(demo("latest", "prerelease: true"), LINUX);
        Release stable = github().resolve(demo("latest", ""), LINUX);

        assertThat(release.tag()).isEqualTo("v2.0.0-rc.1");
        assertThat(release.prerelease()).isTrue();
        assertThat(stable.tag()).isEqualTo("v1.2.3");
        assertThat(server.requests()).extracting(RecordedRequest::pathAndQuery)
                .contains("/repos/demo-org/demo/releases?per_page=30&page=2");
    }

    @Test
    void anUnchangedReleasePolledTwiceIsAnswered304FromTheCache() {
        Source<?> github = github();
        Release first = github.resolve(demo("latest", ""), LINUX);
        server.clearRequests();

        Release second = github.resolve(demo("latest", ""), LINUX);

        assertThat(second).isEqualTo(first);
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("If-None-Match")).isPresent();
            assertThat(r.status()).isEqualTo(304);
        });
    }

    @Test
    void aChangedReleaseIsReadAgain() {
        Source<?> github = github();
        github.resolve(demo("latest", ""), LINUX);
        server.repo("demo-org/demo").release("v1.3.0").asset("demo_1.3.0_linux_amd64.tar.gz", "x");

        assertThat(github.resolve(demo("latest", ""), LINUX).tag()).isEqualTo("v1.3.0");
    }

    @Test
    void theTokenGoesToTheApiHostOnlyNeverToTheDownloadHost() {
        Source<?> github = fixture(Map.of("GITHUB_TOKEN", "s3cret")).source("github");
        github.fetch(Fixture.request(github, demo("latest", ""), LINUX, staging));

        List<RecordedRequest> api = new ArrayList<>();
        List<RecordedRequest> downloads = new ArrayList<>();
        for (RecordedRequest r : server.requests()) {
            (r.pathAndQuery().startsWith("/repos/") ? api : downloads).add(r);
        }
        assertThat(api).isNotEmpty().allSatisfy(r -> {
            assertThat(r.header("Authorization")).contains("Bearer s3cret");
            assertThat(r.header("Accept")).contains("application/vnd.github+json");
            assertThat(r.header("X-GitHub-Api-Version")).contains("2022-11-28");
        });
        assertThat(downloads).extracting(RecordedRequest::server).contains("api", "objects");
        assertThat(downloads).allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
    }

    @Test
    void tokenEnvNamesTheVariableAndAMissingOneIsAClearError() {
        fixture(Map.of("DEMO_TOKEN", "t0k")).source("github")
                .resolve(demo("latest", "token_env: DEMO_TOKEN"), LINUX);
        assertThat(server.requests().get(0).header("Authorization")).contains("Bearer t0k");

        assertThatThrownBy(() -> github().resolve(demo("latest", "token_env: NOPE_TOKEN"), LINUX))
                .hasMessage("binaries.demo.token_env: 'NOPE_TOKEN': environment variable is not set");
    }

    @Test
    void rateLimitingSaysWhenTheLimitResets() {
        Instant reset = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        server.faults().rateLimitedUntil(reset);

        assertThatThrownBy(() -> github().resolve(demo("latest", ""), LINUX))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.resetAt()).isEqualTo(reset))
                .hasMessageContaining(reset.toString());
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void secondaryRateLimitWithRetryAfterIsReported() {
        server.faults().secondaryRateLimit(Instant.now().plusSeconds(120));

        assertThatThrownBy(() -> github().resolve(demo("latest", ""), LINUX))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.resetAt()).isAfter(Instant.now().plusSeconds(60)));
    }

    @Test
    void serverErrorsAreRetriedAWhileThenReported() {
        server.faults().apiServerErrors(2).downloadServerErrors(2);
        FetchedBinary got = github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging));
        assertThat(Files.exists(got.path())).isTrue();

        server.faults().apiServerErrors(3);
        assertThatThrownBy(() -> fixture(Map.of()).source("github").resolve(demo("latest", ""), LINUX))
                .isInstanceOf(FetchException.class).hasMessageContaining("failed after 3 attempts");
    }

    @Test
    void aConnectionResetMidBodyResumesWithRange() throws Exception {
        server.faults().resetMidBody(1);

        FetchedBinary got = github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging));

        assertThat(Files.readAllBytes(got.path())).isEqualTo(binary);
        assertThat(server.requests()).filteredOn(r -> r.server().equals("objects"))
                .anySatisfy(r -> {
                    assertThat(r.header("Range")).isPresent();
                    assertThat(r.status()).isEqualTo(206);
                });
    }

    @Test
    void aServerIgnoringRangeMakesTheDownloadStartOver() throws Exception {
        server.faults().resetMidBody(1).rangeSupported(false);

        FetchedBinary got = github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging));

        assertThat(Files.readAllBytes(got.path())).isEqualTo(binary);
        assertThat(server.requests()).filteredOn(r -> r.server().equals("objects") && r.header("Range").isPresent())
                .singleElement().extracting(RecordedRequest::status).isEqualTo(200);
    }

    @Test
    void aSlowBodyStillArrivesWithProgressEvents() {
        server.faults().slowBody(java.time.Duration.ofMillis(3));
        List<long[]> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging)
                .withProgress((done, total) -> events.add(new long[] {done, total})));

        assertThat(events).hasSizeGreaterThan(3);
        long[] last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isPositive();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i)[0]).isGreaterThanOrEqualTo(events.get(i - 1)[0]);
        }
    }

    @Test
    void tamperedBytesStopEverythingAndLeaveNothingStaged() {
        server.faults().tamper(TGZ);

        assertThatThrownBy(() -> github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging)))
                .isInstanceOfSatisfying(DigestMismatchException.class, e -> assertThat(e.evidence()).startsWith("github-digest"));
        assertThat(Fixture.filesIn(staging)).isZero();
    }

    @Test
    void tamperedBytesAgainstAChecksumFileAreRefusedToo() {
        server.repo("demo-org/demo").release("v1.2.5").publishDigests(false)
                .asset("demo_1.2.5_linux_amd64.tar.gz", Archives.tar().file("demo", binary, 0755).build("gz"))
                .checksums("SHA256SUMS");
        server.faults().tamper("demo_1.2.5_linux_amd64.tar.gz");

        assertThatThrownBy(() -> github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging)))
                .isInstanceOfSatisfying(DigestMismatchException.class,
                        e -> assertThat(e.evidence()).isEqualTo("checksum-file SHA256SUMS"));
        assertThat(Fixture.filesIn(staging)).isZero();
    }

    @Test
    void aHostileArchiveUnpackedWhileDownloadingIsRefusedAndRemoved() {
        server.repo("demo-org/demo").release("v6.6.6")
                .asset("demo_6.6.6_linux_amd64.tar.gz", Archives.tar().file("demo", binary, 0755)
                        .file("../../escape", "x", 0644).build("gz"));

        assertThatThrownBy(() -> github().fetch(Fixture.request(github(), demo("latest", ""), LINUX, staging)))
                .isInstanceOf(dev.pitstop.core.source.UnsafeArchiveException.class).hasMessageContaining("escapes");
        assertThat(Fixture.filesIn(staging)).isZero();
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void aRecordedShaMustMatchAndIsListedFirst() throws Exception {
        FetchedBinary first = github().fetch(Fixture.request(github(), demo("v1.2.3", ""), LINUX, staging));
        Sha256 recorded = first.sha256();
        Files.delete(first.path());

        FetchedBinary again = github().fetch(Fixture.request(github(), demo("v1.2.3", ""), LINUX, staging).withRecordedSha(recorded));
        assertThat(again.evidence()).extracting(e -> e.kind()).containsExactly("manifest", "github-digest");
        Files.delete(again.path());

        Sha256 other = new Sha256("0".repeat(64));
        assertThatThrownBy(() -> github().fetch(Fixture.request(github(), demo("v1.2.3", ""), LINUX, staging).withRecordedSha(other)))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("manifest");
        assertThat(Fixture.filesIn(staging)).isZero();
    }

    @Test
    void noAssetForThePlatformListsTheCandidatesAndHowToPin() {
        assertThatThrownBy(() -> github().fetch(Fixture.request(github(), demo("latest", ""), Platform.parse("windows/amd64"), staging)))
                .isInstanceOfSatisfying(NoMatchingAssetException.class,
                        e -> assertThat(e.candidates()).extracting(c -> c.name()).contains(TGZ))
                .hasMessageContaining("asset: \"");
    }

    @Test
    void anAssetPinAndAPathPickExactly() throws Exception {
        FetchedBinary got = github().fetch(Fixture.request(github(), 
                demo("latest", "asset: \"*_darwin_arm64.zip\"\npath: demo"), LINUX, staging));

        assertThat(got.assetName()).isEqualTo("demo_1.2.3_darwin_arm64.zip");
        assertThat(Files.readAllBytes(got.path())).isEqualTo(binary);
    }

    @Test
    void aBadRepoIsAOneLineError() {
        assertThatThrownBy(() -> github().resolve(spec("demo", "github", "not a repo", "latest", ""), LINUX))
                .hasMessage("binaries.demo.github: 'not a repo': expected OWNER/REPO, for example nats-io/nats-server");
        assertThatThrownBy(() -> github().resolve(spec("demo", "github", "demo-org/missing", "latest", ""), LINUX))
                .hasMessageContaining("github:demo-org/missing: no published release");
    }

    @Test
    void fetchesTheReleaseItWasGivenEvenWhenLatestMovedSince() throws Exception {
        Source<?> github = github();
        BinarySpec spec = demo("latest", "");
        Release resolved = github.resolve(spec, LINUX);
        server.repo("demo-org/demo").release("v2.0.0")
                .asset("demo_2.0.0_linux_amd64.tar.gz", Archives.tar().file("demo", "v2", 0755).build("gz"));
        server.clearRequests();

        FetchedBinary got = github.fetch(FetchRequest.of(spec, resolved, LINUX, staging));

        assertThat(got.version()).isEqualTo("1.2.3");
        assertThat(Files.readAllBytes(got.path())).isEqualTo(binary);
        assertThat(server.requests()).extracting(r -> r.pathAndQuery())
                .noneMatch(p -> p.contains("/releases/latest") || p.contains("2.0.0"));
    }

    @Test
    void itsKeysAreCheckedWhenTheStackFileIsRead() {
        assertThatThrownBy(() -> demo("latest", "tokn_env: MY_TOKEN"))
                .isInstanceOf(StackFileException.class)
                .hasMessageEndingWith(":5:5: binaries.demo.tokn_env: unknown key for a github source"
                        + " (its keys: api, asset, path, prerelease, token_env)");
        assertThatThrownBy(() -> demo("latest", "prerelease: sometimes"))
                .hasMessageEndingWith(":5:17: binaries.demo.prerelease: expected true or false");
        assertThatThrownBy(() -> demo("latest", "token_env: not-a-name"))
                .hasMessageEndingWith(":5:16: binaries.demo.token_env: 'not-a-name' is not an environment variable name");
    }
}
