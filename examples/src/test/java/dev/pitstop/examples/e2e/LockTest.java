package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.DigestMismatchException;
import dev.pitstop.core.store.LockMissingException;
import dev.pitstop.core.store.LockedArtifact;
import dev.pitstop.testkit.git.GitDaemon;
import dev.pitstop.testkit.git.GitRepo;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.RecordedRequest;
import dev.pitstop.testkit.release.ReleaseServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pitstop lock} for several platforms against a GitHub stand-in and a git daemon, then locked fetches. */
class LockTest {
    private static final List<Platform> PLATFORMS = List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"),
            Platform.parse("darwin/arm64"));

    @TempDir
    Path dir;

    @Test
    void publishedDigestsLockEveryPlatformWithoutDownloadingAnAsset() throws Exception {
        for (String evidence : List.of("github-digest", "checksum-file")) {
            lockWithoutDownloads(evidence);
        }
    }

    private void lockWithoutDownloads(String evidence) throws Exception {
        try (ReleaseServer server = ReleaseServer.start()) {
            Map<String, byte[]> assets = publish(server, "v1.0.0", "v1", evidence);
            Files.deleteIfExists(dir.resolve("stack/pitstop.lock.json"));
            try (Engine engine = open(server, Pitstop.builder())) {
                server.clearRequests();
                List<LockResult> locked = engine.lock(LockRequest.of(PLATFORMS));

                assertThat(locked).hasSize(3).allMatch(LockResult::changed);
                for (LockResult r : locked) {
                    String asset = "tool_1.0.0_" + r.platform().replace('/', '_') + ".tar.gz";
                    assertThat(r.locked().asset()).isEqualTo(asset);
                    assertThat(r.locked().sha256()).isEqualTo(sha(assets.get(asset)));
                    assertThat(r.locked().evidence()).extracting(e -> e.kind()).containsExactly(evidence);
                    assertThat(r.locked().version()).isEqualTo("1.0.0");
                }
                assertThat(server.requests()).extracting(RecordedRequest::pathAndQuery)
                        .as("no asset downloaded: digests come from the release JSON or its checksum file")
                        .noneMatch(p -> p.endsWith(".tar.gz"));
                assertThat(Files.readString(dir.resolve("stack/pitstop.lock.json")))
                        .contains("\"darwin/arm64\"", "\"linux/arm64\"", "\"linux/amd64\"");
                assertThat(engine.manifest().current("tool")).as("nothing installed").isEmpty();

                List<LockResult> again = engine.lock(LockRequest.of(List.of()));
                assertThat(again).as("without --platform: the platforms locked before").hasSize(3)
                        .noneMatch(LockResult::changed);
            }
        }
    }

    @Test
    void withoutPublishedDigestsEachPlatformIsDownloadedOnceAndHashed() throws Exception {
        try (ReleaseServer server = ReleaseServer.start()) {
            Map<String, byte[]> assets = publish(server, "v1.0.0", "v1", "none");
            try (Engine engine = open(server, Pitstop.builder())) {
                server.clearRequests();
                Map<String, LockResult> locked = byPlatform(engine.lock(LockRequest.of(PLATFORMS)));

                for (Platform p : PLATFORMS) {
                    String asset = "tool_1.0.0_" + p.os() + "_" + p.arch() + ".tar.gz";
                    LockedArtifact entry = locked.get(p.toString()).locked();
                    assertThat(entry.sha256()).isEqualTo(sha(assets.get(asset)));
                    assertThat(entry.evidence()).extracting(e -> e.kind()).contains("download");
                }
                assertThat(server.requests()).filteredOn(r -> r.server().equals("objects"))
                        .extracting(RecordedRequest::pathAndQuery).as("one download per platform")
                        .containsExactlyInAnyOrder("/objects/acme/tool/v1.0.0/tool_1.0.0_linux_amd64.tar.gz",
                                "/objects/acme/tool/v1.0.0/tool_1.0.0_linux_arm64.tar.gz",
                                "/objects/acme/tool/v1.0.0/tool_1.0.0_darwin_arm64.tar.gz");
            }
        }
    }

    @Test
    void aFetchOnALockedPlatformGetsTheLockedVersionAndRefusesOtherBytes() throws Exception {
        try (ReleaseServer server = ReleaseServer.start()) {
            publish(server, "v1.0.0", "v1", "github-digest");
            Platform host = Pitstop.injector().getInstance(Platform.class);
            try (Engine engine = open(server, Pitstop.builder())) {
                engine.lock(LockRequest.of(List.of(host, Platform.parse("darwin/arm64"))));
                publish(server, "v2.0.0", "v2", "checksum-file"); // latest moves on

                engine.fetch(BinarySelection.all());
                assertThat(engine.manifest().current("tool").orElseThrow().version()).isEqualTo("1.0.0");

                engine.update(BinarySelection.all());
                assertThat(engine.manifest().current("tool").orElseThrow().version()).isEqualTo("2.0.0");
                assertThat(engine.manifest().binary("tool").orElseThrow().locked().values())
                        .as("update moves the lock on, for every locked platform").hasSize(2)
                        .allMatch(l -> l.version().equals("2.0.0"));
            }
            // the release is published again under the same tag with other bytes
            server.repo("acme/tool").release("v2.0.0").asset("tool_2.0.0_" + host.os() + "_" + host.arch() + ".tar.gz",
                    archive("tampered"));
            try (Engine engine = open(server, Pitstop.builder())) {
                assertThatThrownBy(() -> engine.fetch(BinarySelection.all()))
                        .isInstanceOf(DigestMismatchException.class).hasMessageContaining("expected sha256:");
                assertThat(engine.manifest().current("tool").orElseThrow().version()).isEqualTo("2.0.0");
            }
        }
    }

    @Test
    void lockedRefusesAPlatformWithoutALockAndAFailedLockWritesNothing() throws Exception {
        try (ReleaseServer server = ReleaseServer.start()) {
            publish(server, "v1.0.0", "v1", "github-digest");
            try (Engine engine = open(server, Pitstop.builder().locked(true))) {
                engine.lock(LockRequest.of(List.of(Platform.parse("darwin/arm64"))));
                String before = Files.readString(dir.resolve("stack/pitstop.lock.json"));

                assertThatThrownBy(() -> engine.fetch(BinarySelection.all()))
                        .isInstanceOf(LockMissingException.class)
                        .hasMessageContaining("has no lock for").hasMessageContaining("locked: darwin/arm64");
                assertThatThrownBy(engine::up).isInstanceOf(LockMissingException.class);
                assertThatThrownBy(() -> engine.lock(LockRequest.of(List.of(Platform.parse("linux/arm64"),
                        Platform.parse("windows/amd64")))))
                        .isInstanceOf(PitstopException.class).hasMessageContaining("left unchanged")
                        .hasMessageContaining("tool on windows/amd64: no asset fits for windows/amd64");
                assertThat(Files.readString(dir.resolve("stack/pitstop.lock.json"))).isEqualTo(before);
            }
        }
    }

    @Test
    void aGitBuildIsLockedByItsCommitAndBuiltFromItHere() throws Exception {
        try (GitRepo repo = GitRepo.init(dir.resolve("repos/hello"));
             GitDaemon daemon = GitDaemon.serve(dir.resolve("repos"))) {
            String v1 = repo.write("hello.c", "int main(void) { return 1; }\n").commit("v1");
            Path stackFile = Files.createDirectories(dir.resolve("stack")).resolve("pitstop.yaml");
            Files.writeString(stackFile, "binaries:\n  hello: { git: \"" + daemon.url("hello") + "\", paths: [hello.c], "
                    + "build: 'cc -O2 -o \"$PITSTOP_OUT\" hello.c' }\nprocesses: {}\n");
            Platform host = Pitstop.injector().getInstance(Platform.class);
            try (Engine engine = injector(Pitstop.builder()).getInstance(EngineFactory.class).open(stackFile)) {
                Map<String, LockResult> locked = byPlatform(engine.lock(LockRequest.of(List.of(host,
                        Platform.parse("darwin/arm64")))));
                LockedArtifact here = locked.get(LockedArtifact.key(host)).locked();
                LockedArtifact mac = locked.get("darwin/arm64").locked();
                assertThat(List.of(here, mac)).allMatch(LockedArtifact::platformSpecificBuild)
                        .allMatch(l -> l.commit().equals(v1) && l.sha256() == null);
                assertThat(here.buildKey()).as("the key names the target platform").isNotEqualTo(mac.buildKey());

                repo.write("hello.c", "int main(void) { return 2; }\n").commit("v2");
                engine.fetch(BinarySelection.all());
                assertThat(engine.manifest().current("hello").orElseThrow().commit()).isEqualTo(v1);
                assertThat(engine.manifest().current("hello").orElseThrow().version()).isEqualTo(here.version());
            }
        }
    }

    /** @param evidence what is published besides the assets: github-digest, checksum-file or none */
    private Map<String, byte[]> publish(ReleaseServer server, String tag, String text, String evidence) throws Exception {
        String version = tag.substring(1);
        var release = server.repo("acme/tool").release(tag).publishDigests(evidence.equals("github-digest"));
        Map<String, byte[]> assets = new java.util.LinkedHashMap<>();
        for (Platform p : List.of(PLATFORMS.get(0), PLATFORMS.get(1), PLATFORMS.get(2),
                Pitstop.injector().getInstance(Platform.class))) {
            String name = "tool_" + version + "_" + p.os() + "_" + p.arch() + ".tar.gz";
            if (!assets.containsKey(name)) {
                assets.put(name, archive(text + " " + p));
                release.asset(name, assets.get(name));
            }
        }
        if (evidence.equals("checksum-file")) {
            release.checksums("tool_" + version + "_checksums.txt");
        }
        return assets;
    }

    private static byte[] archive(String text) throws Exception {
        return Archives.tar().file("tool", ("#!/bin/sh\necho " + text + "\n").getBytes(StandardCharsets.UTF_8), 0755)
                .build("gz");
    }

    private Engine open(ReleaseServer server, Pitstop.Builder builder) throws Exception {
        Path stackFile = Files.createDirectories(dir.resolve("stack")).resolve("pitstop.yaml");
        Files.writeString(stackFile, """
                binaries:
                  tool: { github: acme/tool, api: "%s" }
                processes: {}
                """.formatted(server.apiUrl()));
        return injector(builder).getInstance(EngineFactory.class).open(stackFile);
    }

    private com.google.inject.Injector injector(Pitstop.Builder builder) {
        return builder.home(dir.resolve("home")).injector();
    }

    private static Sha256 sha(byte[] content) throws Exception {
        return Sha256.of(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static Map<String, LockResult> byPlatform(List<LockResult> results) {
        return results.stream().collect(Collectors.toMap(LockResult::platform, Function.identity()));
    }
}
