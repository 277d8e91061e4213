package dev.pitstop.cli.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;



import dev.pitstop.core.FetchResult;
import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.SourceCoordinates;
import dev.pitstop.core.store.VerifyReport;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.testkit.FakeEngine;
import dev.pitstop.testkit.UnixSocketHttp;
import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


import org.junit.jupiter.api.Test;


class BinaryRoutesTest extends ServerFixture {
    static final Sha256 OLD = new Sha256("4fa3c1e2d0b9" + "1".repeat(52));
    static final Sha256 NEW = new Sha256("9d1e0f2a3b4c" + "2".repeat(52));
    static final Sha256 BAD = new Sha256("b7c8d9e0f1a2" + "3".repeat(52));

    static BinaryVersion version(String version, Sha256 sha, Instant at) {
        return new BinaryVersion(SourceCoordinates.of("github", "nats-io/nats-server", Map.of("asset", "*.tar.gz")),
                version, null, sha, 16_794_624, Platform.parse("linux/amd64"), at,
                List.of(new Evidence("github-digest", "sha256:" + sha.shortHex())), List.of("chmod 0555"), null);
    }

    static Manifest manifest() {
        Instant t = Instant.parse("2026-11-27T16:40:11Z");
        return Manifest.empty()
                .install("nats", version("v2.10.22", OLD, t), false, t)
                .install("nats", version("v2.11.0", NEW, t.plusSeconds(60)), false, t.plusSeconds(60))
                .withCandidate("nats", version("v2.11.1", BAD, t.plusSeconds(120)), false, t.plusSeconds(120))
                .markBad("nats", "exited with code 1 before it was ready", t.plusSeconds(130));
    }

    @Test
    void installPrintsFromToAndEachReload() throws Exception {
        engine.swapFrom = "v2.10.22 (4fa3c1e2d0b9)";
        engine.swapReloads = List.of(new ReloadResult("nats", 4242, 5151, FakeEngine.DIGEST, Duration.ofMillis(412)));
        UnixSocketHttp.Reply reply = UnixSocketHttp.request(socket, "POST",
                "/v1/binaries/nats/install?file=%2Ftmp%2Fnats%20new&version=v2.11.0&force=1&format=text");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("nats: v2.10.22 (4fa3c1e2d0b9) \u2192 v2.11.0\n"
                + "  nats: pid 4242 \u2192 5151, sha256 3f2a9c0d1e2b, took 412 ms\n");
        assertThat(engine.lastArguments).isEqualTo("file=/tmp/nats new version=v2.11.0 force=true");
    }

    @Test
    void installAsJson() throws Exception {
        UnixSocketHttp.Reply reply = UnixSocketHttp.request(socket, "POST", "/v1/binaries/nats/install?file=/tmp/nats");
        JsonNode json = mapper.readTree(reply.body());
        assertThat(json.get("binary").asText()).isEqualTo("nats");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("reloads")).isEmpty();
        assertThat(engine.lastArguments).isEqualTo("file=/tmp/nats version=null force=false");
    }

    @Test
    void installNeedsAnAbsoluteFileAndPost() throws Exception {
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/binaries/nats/install?file=nats").body())
                .contains("must be an absolute path, not 'nats'");
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/binaries/nats/install").status()).isEqualTo(400);
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/binaries/nats/install?file=/x").status()).isEqualTo(405);
        assertThat(engine.calls).doesNotContain("install nats");
    }

    @Test
    void aFailedSwapReportsItsFacts() throws Exception {
        UnixSocketHttp.Reply text = UnixSocketHttp.request(socket, "POST",
                "/v1/binaries/broken/install?file=/tmp/b&version=2.0.0&format=text");
        assertThat(text.status()).isEqualTo(409);
        assertThat(text.body()).isEqualTo("broken: candidate 2.0.0 failed: broken: exited before it was ready "
                + "(exit code 3)\n  last log lines:\n    starting broken\n    fatal: port 4222 in use\n"
                + "  rolled back to 1.0.0 (3f2a9c0d1e2b)\n");
        JsonNode json = mapper.readTree(UnixSocketHttp.request(socket, "POST", "/v1/binaries/broken/rollback").body());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(3);
        assertThat(json.get("restored").asText()).isEqualTo("1.0.0 (3f2a9c0d1e2b)");
        assertThat(json.get("lastLogLines")).hasSize(2);
    }

    @Test
    void rollbackPassesTargetAndForce() throws Exception {
        engine.swapFrom = "v2.11.0 (9d1e0f2a3b4c)";
        UnixSocketHttp.Reply reply = UnixSocketHttp.request(socket, "POST", "/v1/binaries/nats/rollback?to=4fa3c1&force=1&format=text");
        assertThat(reply.body()).startsWith("nats: v2.11.0 (9d1e0f2a3b4c) \u2192 4fa3c1\n");
        assertThat(engine.lastArguments).isEqualTo("to=4fa3c1 force=true");
    }

    @Test
    void manifestAsTextShowsCurrentAndHistory() throws Exception {
        engine.manifest = manifest();
        String text = UnixSocketHttp.request(socket, "GET", "/v1/manifest?format=text").body();
        assertThat(text).startsWith("nats  v2.11.0  9d1e0f2a3b4c  16.0 MiB\n"
                + "  source:     github nats-io/nats-server (asset=*.tar.gz)\n"
                + "  platform:   linux/amd64\n"
                + "  recorded:   2026-11-27T16:41:11Z\n"
                + "  evidence:   github-digest sha256:9d1e0f2a3b4c\n"
                + "  trust:      chmod 0555\n"
                + "  history:\n");
        assertThat(text).containsPattern("2026-11-27T16:41:11Z +replaced +v2\\.10\\.22 \\(4fa3c1e2d0b9\\) +replaced by "
                + "v2\\.11\\.0 \\(9d1e0f2a3b4c\\)\n");
        assertThat(text).containsPattern("bad +v2\\.11\\.1 \\(b7c8d9e0f1a2\\) +exited with code 1 before it was ready\n");
    }

    @Test
    void manifestAsJsonIsTheDocument() throws Exception {
        engine.manifest = manifest();
        String body = UnixSocketHttp.request(socket, "GET", "/v1/manifest").body();
        assertThat(body).startsWith("{\n  \"binaries\": {\n    \"nats\": {\n      \"current\": {\n")
                .contains("\"sha256\": \"" + NEW.hex() + "\"", "\"outcome\": \"bad\"").endsWith("\n}\n")
                .doesNotContain("\"candidate\"", "\"commit\"");
        assertThat(mapper.readTree(body).get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void verifyAnswers409WithTheMismatches() throws Exception {
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/verify?format=text").body())
                .isEqualTo("verified: 0 checked, all match the manifest\n");
        engine.verifyReport = new VerifyReport(3, List.of(new VerifyReport.Mismatch("nats", NEW, OLD,
                "/proc/4242/exe (pid 4242)", "process does not run the current binary")));
        UnixSocketHttp.Reply text = UnixSocketHttp.request(socket, "GET", "/v1/verify?format=text");
        assertThat(text.status()).isEqualTo(409);
        assertThat(text.body()).isEqualTo("verify failed: 1 mismatch (3 checked)\n  nats: process does not run the "
                + "current binary at /proc/4242/exe (pid 4242) (expected " + NEW + ", actual " + OLD + ")\n");
        JsonNode json = mapper.readTree(UnixSocketHttp.request(socket, "GET", "/v1/verify").body());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("mismatches").get(0).get("expected").asText()).isEqualTo(NEW.hex());
    }

    @Test
    void snapshotIsTheSnapshotDocument() throws Exception {
        TreeMap<String, ProcessSnapshot> processes = new TreeMap<>();
        processes.put("nats", new ProcessSnapshot("nats", 4242, FakeEngine.STARTED, NEW, "v2.11.0"));
        engine.snapshot = new Snapshot(FakeEngine.STARTED, processes);
        String body = UnixSocketHttp.request(socket, "GET", "/v1/snapshot?format=text").body();
        assertThat(body).isEqualTo("{\n  \"processes\": {\n    \"nats\": {\n      \"executable\": \"" + NEW.hex()
                + "\",\n      \"name\": \"nats\",\n      \"pid\": 4242,\n      \"startTime\": \"2026-01-02T03:04:05Z\",\n"
                + "      \"version\": \"v2.11.0\"\n    }\n  },\n  \"takenAt\": \"2026-01-02T03:04:05Z\"\n}\n");
    }

    @Test
    void fetchHereAndForAnotherPlatform() throws Exception {
        engine.fetched = List.of(new FetchResult("nats", "v2.11.0", NEW, 16_794_624, true,
                "nats-server-v2.11.0-linux-amd64.tar.gz", List.of(new Evidence("github-digest", "sha256:9d1e")),
                Path.of("/store/nats")));
        UnixSocketHttp.Reply reply = UnixSocketHttp.request(socket, "POST", "/v1/fetch?name=nats&format=text");
        assertThat(reply.body()).isEqualTo("nats: v2.11.0 (9d1e0f2a3b4c, 16.0 MiB) from "
                + "nats-server-v2.11.0-linux-amd64.tar.gz, evidence github-digest sha256:9d1e\n"
                + "  stored: /store/nats\n");
        assertThat(engine.calls).contains("fetch [nats]");
        reply = UnixSocketHttp.request(socket, "POST", "/v1/fetch?platform=darwin/arm64&out=/tmp/out");
        assertThat(mapper.readTree(reply.body()).get(0).get("path").asText()).isEqualTo("/store/nats");
        assertThat(engine.calls).contains("fetchFor darwin/arm64 []");
        assertThat(engine.lastArguments).isEqualTo("out=/tmp/out");
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/fetch?platform=darwin&out=/x").body())
                .contains("platform must be os/arch");
    }

    @Test
    void updateOutdatedAndExplain() throws Exception {
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/update?format=text").body())
                .isEqualTo("everything is up to date\n");
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/update?name=nats&format=text").body())
                .startsWith("nats: installed latest\n");
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/update?name=broken&format=text").status()).isEqualTo(409);
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/outdated?format=text").body())
                .isEqualTo("BINARY  CURRENT  LATEST\nnats    2.10.0   2.11.1  outdated\n");
        assertThat(mapper.readTree(UnixSocketHttp.request(socket, "GET", "/v1/outdated").body()).get(0).get("outdated")
                .asBoolean()).isTrue();
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/binaries/nats/explain?platform=linux/arm64&format=text").body())
                .isEqualTo("candidates for nats on linux/arm64\n");
    }
}
