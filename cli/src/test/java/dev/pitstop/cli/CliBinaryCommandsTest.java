package dev.pitstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.cli.text.CliText;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.source.TransferCost;
import dev.pitstop.core.store.LockedArtifact;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.BuildRecord;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.SourceCoordinates;
import dev.pitstop.core.store.VerifyReport;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.control.ControlServer;
import dev.pitstop.testkit.FakeEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary commands against a running stack (a control server over {@link FakeEngine}). */
class CliBinaryCommandsTest {
    static final Sha256 SHA = new Sha256("9d1e0f2a3b4c" + "2".repeat(52));

    @TempDir Path dir;
    final FakeEngine engine = new FakeEngine();
    final ObjectMapper mapper = new ObjectMapper();
    ControlServer server;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        server = new ControlServer(engine, dir.resolve(".pitstop"), new CliText(Clock.systemUTC()));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void installSendsTheAbsolutePathAndPrintsEachReload() throws Exception {
        Files.writeString(dir.resolve("nats-new"), "binary");
        engine.swapFrom = "v2.10.22 (4fa3c1e2d0b9)";
        engine.swapReloads = List.of(new ReloadResult("nats", 4242, 5151, FakeEngine.DIGEST, Duration.ofMillis(412)));
        assertThat(run("install", "nats", "nats-new", "--version", "v2.11.0")).isZero();
        assertThat(out.toString()).isEqualTo("nats: v2.10.22 (4fa3c1e2d0b9) \u2192 v2.11.0\n"
                + "  nats: pid 4242 \u2192 5151, sha256 3f2a9c0d1e2b, took 412 ms\n");
        assertThat(engine.lastArguments).isEqualTo("file=" + dir.resolve("nats-new") + " version=v2.11.0 force=false");
        assertThat(run("install", "nats", "nats-new", "--force", "--json")).isZero();
        JsonNode json = mapper.readTree(out.toString());
        assertThat(json.get("reloads").get(0).get("newPid").asLong()).isEqualTo(5151);
        assertThat(engine.lastArguments).endsWith("force=true");
    }

    @Test
    void installOfAMissingFileIsOneLine() {
        assertThat(run("install", "nats", "nope")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("pitstop: install: " + dir.resolve("nope") + " is not a file\n");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void aFailedSwapPrintsItsFactsAndFails() throws Exception {
        Files.writeString(dir.resolve("b"), "binary");
        assertThat(run("install", "broken", "b", "--version", "2.0.0")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("""
                broken: candidate 2.0.0 failed: broken: exited before it was ready (exit code 3)
                  last log lines:
                    starting broken
                    fatal: port 4222 in use
                  rolled back to 1.0.0 (3f2a9c0d1e2b)
                """);
        assertThat(run("rollback", "broken", "--json")).isEqualTo(1);
        assertThat(mapper.readTree(out.toString()).get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void rollbackWithTargetAndForce() {
        engine.swapFrom = "v2.11.0 (9d1e0f2a3b4c)";
        assertThat(run("rollback", "nats", "--to", "4fa3c1", "--force")).isZero();
        assertThat(out.toString()).startsWith("nats: v2.11.0 (9d1e0f2a3b4c) \u2192 4fa3c1\n");
        assertThat(engine.lastArguments).isEqualTo("to=4fa3c1 force=true");
        assertThat(run("rollback", "nats")).isZero();
        assertThat(engine.lastArguments).isEqualTo("to=null force=false");
    }

    @Test
    void manifestShowAsTextAndJson() throws Exception {
        Instant at = Instant.parse("2026-11-27T16:40:11Z");
        engine.manifest = Manifest.empty().install("nats", new BinaryVersion(SourceCoordinates.of("file", "./nats"),
                "v2.11.0", null, SHA, 2048, Platform.parse("linux/amd64"), at, List.of(new Evidence("none", "")),
                List.of("chmod 0555"), null), false, at);
        assertThat(run("manifest", "show")).isZero();
        assertThat(out.toString()).isEqualTo("""
                nats  v2.11.0  9d1e0f2a3b4c  2 KiB
                  source:     file ./nats
                  platform:   linux/amd64
                  recorded:   2026-11-27T16:40:11Z
                  evidence:   none
                  trust:      chmod 0555
                """);
        assertThat(run("manifest", "show", "--json")).isZero();
        assertThat(mapper.readTree(out.toString()).at("/binaries/nats/current/sha256").asText()).isEqualTo(SHA.hex());
        assertThat(run("manifest")).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: pitstop manifest", "show", "sign", "verify");
    }

    @Test
    void manifestShowNamesTheCommitAndTheBuildOfAGitVersion() throws Exception {
        Instant at = Instant.parse("2026-11-27T16:40:11Z");
        String commit = "36991bf26a14e9088118f54603983b21c693b69a";
        engine.manifest = Manifest.empty().install("hello", new BinaryVersion(
                SourceCoordinates.of("git", "https://example.org/hello.git"), "main@36991bf", commit, SHA, 2048,
                Platform.parse("linux/amd64"), at, List.of(new Evidence("build", "same inputs as 0d1f4c5")), List.of(),
                "99a4c8de", new BuildRecord("https://example.org/hello.git", "main", at, "4b825dc6", "cc 12.2.0", 0,
                        "0d1f4c5")), false, at);
        assertThat(run("manifest", "show")).isZero();
        assertThat(out.toString()).contains("  commit:     " + commit + "\n", "  build:      ref main, committed "
                + "2026-11-27T16:40:11Z, tree 4b825dc6, key 99a4c8de, same inputs as 0d1f4c5, not built with cc 12.2.0\n");
        assertThat(run("manifest", "show", "--json")).isZero();
        assertThat(mapper.readTree(out.toString()).at("/binaries/hello/current/build/sameInputsAs").asText())
                .isEqualTo("0d1f4c5");
    }

    @Test
    void verifyFailsWithTheMismatches() throws Exception {
        assertThat(run("verify")).isZero();
        assertThat(out.toString()).isEqualTo("verified: 0 checked, all match the manifest\n");
        engine.verifyReport = new VerifyReport(2, List.of(new VerifyReport.Mismatch("nats", SHA, null,
                "/store/nats", "stored file changed")));
        assertThat(run("verify")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("verify failed: 1 mismatch (2 checked)\n"
                + "  nats: stored file changed at /store/nats (expected " + SHA + ", actual null)\n");
        assertThat(run("verify", "--json")).isEqualTo(1);
        assertThat(mapper.readTree(out.toString()).get("ok").asBoolean()).isFalse();
    }

    @Test
    void snapshotPrintsOrWritesTheFile() throws Exception {
        TreeMap<String, ProcessSnapshot> processes = new TreeMap<>();
        processes.put("nats", new ProcessSnapshot("nats", 4242, FakeEngine.STARTED, SHA, "v2.11.0"));
        engine.snapshot = new Snapshot(FakeEngine.STARTED, processes);
        assertThat(run("snapshot")).isZero();
        String printed = out.toString();
        assertThat(mapper.readTree(printed).at("/processes/nats/pid").asLong()).isEqualTo(4242);
        assertThat(run("snapshot", "-o", "before.json")).isZero();
        assertThat(out.toString()).isEqualTo("snapshot written to " + dir.resolve("before.json") + "\n");
        assertThat(Files.readString(dir.resolve("before.json"))).isEqualTo(printed);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void fetchHereForAnotherPlatformAndExplain() {
        engine.fetched = List.of(new FetchResult("nats", "v2.11.0", SHA, 2048, false, "nats.tar.gz", List.of(),
                Path.of("/store/nats")));
        assertThat(run("fetch", "nats")).isZero();
        assertThat(out.toString()).isEqualTo("nats: v2.11.0 (9d1e0f2a3b4c, 2 KiB) from nats.tar.gz, evidence -\n"
                + "  unchanged: /store/nats\n");
        assertThat(run("fetch", "--platform", "darwin/arm64", "-o", "dist")).isZero();
        assertThat(engine.calls).contains("fetch [nats]", "fetchFor darwin/arm64 []");
        assertThat(engine.lastArguments).isEqualTo("out=" + dir.resolve("dist"));
        assertThat(run("fetch", "nats", "--explain", "--platform", "linux/arm64")).isZero();
        assertThat(out.toString()).isEqualTo("candidates for nats on linux/arm64\n");
        assertThat(run("fetch", "--explain")).isEqualTo(2);
        assertThat(err.toString()).contains("--explain needs exactly one NAME");
        assertThat(run("fetch", "-o", "dist")).isEqualTo(2);
    }

    @Test
    void updateAndOutdated() throws Exception {
        assertThat(run("update")).isZero();
        assertThat(out.toString()).isEqualTo("everything is up to date\n");
        assertThat(run("update", "nats", "web")).isZero();
        assertThat(out.toString()).contains("nats: installed latest", "web: installed latest");
        assertThat(engine.calls).contains("update [nats, web]");
        assertThat(run("outdated")).isZero();
        assertThat(out.toString()).isEqualTo("BINARY  CURRENT  LATEST\nnats    2.10.0   2.11.1  outdated\n");
        assertThat(run("outdated", "--json")).isZero();
        assertThat(mapper.readTree(out.toString()).get(0).get("latest").asText()).isEqualTo("2.11.1");
    }

    @Test
    void pollExitsZeroTenOrOneForCron() throws Exception {
        engine.polls = List.of(new PollResult("nats", PollResult.Status.UNCHANGED, "2.10.0", "2.10.0", false, null));
        assertThat(run("poll")).isZero();
        assertThat(out.toString()).isEqualTo("BINARY  CURRENT  LATEST  FOUND\nnats    2.10.0   2.10.0  up to date\n");

        engine.polls = List.of(new PollResult("nats", PollResult.Status.UPDATE, "2.10.0", "2.11.1", true, null),
                new PollResult("hello", PollResult.Status.SAME_INPUTS, "main@36991bf", "main@0d1f4c5", false, null));
        assertThat(run("poll", "nats", "hello")).isEqualTo(10);
        assertThat(engine.calls).contains("poll [nats, hello]");
        assertThat(out.toString()).contains("nats    2.10.0        2.11.1        new version\n",
                "hello   main@36991bf  main@0d1f4c5  new commit, same inputs: no rebuild\n");
        assertThat(run("poll", "--json")).isEqualTo(10);
        assertThat(mapper.readTree(out.toString()).get(1).get("status").asText()).isEqualTo("SAME_INPUTS");

        assertThat(run("poll", "--apply")).isEqualTo(10);
        assertThat(engine.calls).contains("update [nats, hello]");

        engine.polls = List.of(new PollResult("nats", PollResult.Status.UPDATE, "2.10.0", "2.11.1", true, null),
                new PollResult("tool", PollResult.Status.ERROR, "1.0", null, false, "git x: ls-remote failed: refused"));
        assertThat(run("poll")).isEqualTo(1);
        assertThat(out.toString()).endsWith("tool: git x: ls-remote failed: refused\n");
        assertThat(run("poll", "--bogus")).isEqualTo(2);

        engine.polls = List.of(new PollResult("nats", PollResult.Status.UNCHANGED, "2.10.0", "2.10.0", false, null,
                new TransferCost(1, 1, 0)), new PollResult("hello", PollResult.Status.UNCHANGED, "main@36991bf",
                "main@36991bf", false, null, new TransferCost(1, 0, 2150)));
        assertThat(run("poll")).isZero();
        assertThat(out.toString()).endsWith("cost: 2 requests, 1 not modified (304), 2 KiB received\n");
        assertThat(run("poll", "--json")).isZero();
        assertThat(mapper.readTree(out.toString()).get(1).get("cost").get("bytes").asLong()).isEqualTo(2150);
    }

    @Test
    void lockPrintsEachPlatformAndRefusesABadPlatform() throws Exception {
        Instant at = Instant.parse("2026-11-29T14:00:00Z");
        engine.locks = List.of(
                new LockResult("nats", "darwin/arm64", new LockedArtifact("2.11.0", "v2.11.0",
                        "nats-server-v2.11.0-darwin-arm64.zip", null, 100, SHA,
                        List.of(new Evidence("github-digest", "sha256:9d1e")), null, null, false, at), true),
                new LockResult("hello", "darwin/arm64", new LockedArtifact("main@36991bf", "main", null, null, -1, null,
                        List.of(new Evidence("build", "built on each machine")), "36991bf" + "0".repeat(33), "key",
                        true, at), false));
        assertThat(run("lock", "--platform", "linux/amd64,darwin/arm64", "nats")).isZero();
        assertThat(engine.calls).contains("lock [linux/amd64, darwin/arm64] [nats]");
        assertThat(out.toString()).contains(
                "nats    darwin/arm64  2.11.0        nats-server-v2.11.0-darwin-arm64.zip      9d1e0f2a3b4c  github-digest",
                "hello   darwin/arm64  main@36991bf  build of 36991bf (built on each machine)  -             build",
                "pitstop.lock.json: 2 locked, 1 changed");
        assertThat(run("lock", "--json")).isZero();
        assertThat(mapper.readTree(out.toString()).get(0).get("locked").get("sha256").asText()).isEqualTo(SHA.hex());
        assertThat(run("lock", "--platform", "linux")).isEqualTo(2);
        assertThat(run("fetch", "--locked")).as("a running stack follows the lock it was started with").isEqualTo(2);
    }
}
