package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.ReleaseServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust policy of the stack file, enforced on fetch: releases on a local GitHub stand-in whose archives are
 * signed with the real {@code minisign}, fetched through the engine. A refused fetch stores and records nothing
 * and leaves the current version alone.
 */
class SignedFetchTest {
    private static final String REPO = "acme/tool";

    @TempDir
    Path tmp;
    private ReleaseServer server;
    private Injector injector;
    private Path stackDir;
    private Path keys;
    private String asset1;
    private String asset2;

    @BeforeEach
    void setUp() throws Exception {
        server = ReleaseServer.start();
        injector = Pitstop.injector(binder -> binder.bind(PitstopHome.class).toInstance(new PitstopHome(tmp.resolve("home"))));
        Platform host = injector.getInstance(Platform.class);
        asset1 = "tool_1.0.0_" + host.os() + "_" + host.arch() + ".tar.gz";
        asset2 = "tool_2.0.0_" + host.os() + "_" + host.arch() + ".tar.gz";
        stackDir = Files.createDirectories(tmp.resolve("stack"));
        keys = Files.createDirectories(tmp.resolve("keys"));
        minisign(keys, "-G", "-W", "-p", "good.pub", "-s", "good.key");
        minisign(keys, "-G", "-W", "-p", "other.pub", "-s", "other.key");
        Files.createDirectories(stackDir.resolve("keys"));
        Files.copy(keys.resolve("good.pub"), stackDir.resolve("keys/tool.pub"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aGoodSignatureIsRecordedAsMinisignEvidence() throws Exception {
        byte[] archive = archive("v1");
        server.repo(REPO).release("v1.0.0").asset(asset1, archive).asset(asset1 + ".minisig", sign(archive, "good"));
        writeStack("v1.0.0", "public_key: keys/tool.pub");

        try (Engine engine = open()) {
            FetchResult result = engine.fetch(BinarySelection.of("tool")).get(0);

            assertThat(result.evidence()).extracting(Evidence::kind).contains("github-digest", "minisign");
            BinaryVersion current = engine.manifest().current("tool").orElseThrow();
            assertThat(current.version()).isEqualTo("1.0.0");
            assertThat(current.evidence()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("minisign");
                assertThat(e.detail()).contains("trusted comment");
            });
        }
        assertThat(Files.readString(stackDir.resolve("pitstop.lock.json"))).contains("\"minisign\"");
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void aSignatureOverOtherBytesIsRefusedAndTheCurrentVersionStays() throws Exception {
        byte[] v2 = archive("v2");
        server.repo(REPO).release("v2.0.0").asset(asset2, v2).asset(asset2 + ".minisig", sign(archive("v2-evil"), "good"));

        assertRefusedAfterAGoodV1(v2, "minisign signature does not match the file");
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedAndTheCurrentVersionStays() throws Exception {
        byte[] v2 = archive("v2");
        server.repo(REPO).release("v2.0.0").asset(asset2, v2).asset(asset2 + ".minisig", sign(v2, "other"));

        assertRefusedAfterAGoodV1(v2, "signed with minisign key");
    }

    @Test
    void anAlteredTrustedCommentIsRefusedAndTheCurrentVersionStays() throws Exception {
        byte[] v2 = archive("v2");
        String minisig = new String(sign(v2, "good"), StandardCharsets.UTF_8);
        String tampered = minisig.replaceFirst("(?m)^trusted comment: ", "trusted comment: approved by security, ");
        assertThat(tampered).isNotEqualTo(minisig);
        server.repo(REPO).release("v2.0.0").asset(asset2, v2).asset(asset2 + ".minisig", tampered);

        assertRefusedAfterAGoodV1(v2, "the trusted comment of the minisign signature was altered");
    }

    @Test
    void signatureRequiredButNonePublishedIsRefused() throws Exception {
        server.repo(REPO).release("v1.0.0").asset(asset1, archive("v1"));
        writeStack("v1.0.0", "public_key: keys/tool.pub\n    signature: required");

        assertNothingRecordedAfter("binary tool: signature: required, but the release publishes no minisign signature for "
                + asset1);
    }

    @Test
    void checksumRequiredButNonePublishedIsRefused() throws Exception {
        server.repo(REPO).release("v1.0.0").publishDigests(false).asset(asset1, archive("v1"));
        writeStack("v1.0.0", "checksum: required");

        assertNothingRecordedAfter("binary tool: checksum: required, but the release publishes no checksum for " + asset1);
    }

    @Test
    void checksumRequiredIsSatisfiedByAPublishedChecksumFile() throws Exception {
        server.repo(REPO).release("v1.0.0").publishDigests(false).asset(asset1, archive("v1")).checksums("SHA256SUMS");
        writeStack("v1.0.0", "checksum: required");

        try (Engine engine = open()) {
            assertThat(engine.fetch(BinarySelection.of("tool")).get(0).evidence()).extracting(Evidence::kind)
                    .containsExactly("checksum-file");
        }
    }

    private void assertRefusedAfterAGoodV1(byte[] v2, String reason) throws Exception {
        byte[] v1 = archive("v1");
        server.repo(REPO).release("v1.0.0").asset(asset1, v1).asset(asset1 + ".minisig", sign(v1, "good"));
        writeStack("v1.0.0", "public_key: keys/tool.pub");
        BinaryVersion before;
        try (Engine engine = open()) {
            engine.fetch(BinarySelection.of("tool"));
            before = engine.manifest().current("tool").orElseThrow();
        }
        String lock = Files.readString(stackDir.resolve("pitstop.lock.json"));
        Path linked = stackDir.resolve(".pitstop/bin/tool").toRealPath();
        List<Path> stored = storedBinaries();
        assertThat(stored).hasSize(1);
        writeStack("v2.0.0", "public_key: keys/tool.pub");

        try (Engine engine = open()) {
            assertThatThrownBy(() -> engine.fetch(BinarySelection.of("tool")))
                    .isInstanceOf(PitstopException.class)
                    .hasMessageStartingWith(asset2 + ": ")
                    .hasMessageContaining(reason);
            assertThat(engine.manifest().current("tool")).contains(before);
            assertThat(engine.manifest().candidate("tool")).isEmpty();
        }
        assertThat(Files.readString(stackDir.resolve("pitstop.lock.json"))).isEqualTo(lock);
        assertThat(stackDir.resolve(".pitstop/bin/tool").toRealPath()).isEqualTo(linked);
        assertThat(storedBinaries()).isEqualTo(stored);
        assertThat(stagingLeftovers()).isEmpty();
    }

    private void assertNothingRecordedAfter(String message) throws Exception {
        try (Engine engine = open()) {
            assertThatThrownBy(() -> engine.fetch(BinarySelection.of("tool"))).isInstanceOf(PitstopException.class)
                    .hasMessage(message);
            assertThat(engine.manifest().binary("tool")).isEmpty();
        }
        assertThat(storedBinaries()).isEmpty();
        assertThat(stagingLeftovers()).isEmpty();
        assertThat(stackDir.resolve(".pitstop/bin/tool")).doesNotExist();
    }

    private Engine open() {
        return injector.getInstance(EngineFactory.class).open(stackDir.resolve("pitstop.yaml"));
    }

    private void writeStack(String version, String policy) throws IOException {
        Files.writeString(stackDir.resolve("pitstop.yaml"), """
                binaries:
                  tool:
                    github: %s
                    api: %s
                    version: %s
                    %s
                processes:
                  tool:
                    command: "${bin:tool}"
                """.formatted(REPO, server.apiUrl(), version, policy));
    }

    private static byte[] archive(String version) {
        byte[] script = ("#!/bin/sh\necho tool " + version + "\n").getBytes(StandardCharsets.UTF_8);
        return Archives.tar().file("tool", script, 0755).build("gz");
    }

    /** The text of the {@code .minisig} that the real minisign writes for {@code content} with key {@code key}. */
    private byte[] sign(byte[] content, String key) throws Exception {
        Path file = Files.createTempFile(keys, "artifact", ".tar.gz");
        Files.write(file, content);
        minisign(keys, "-S", "-W", "-s", key + ".key", "-m", file.toString());
        return Files.readAllBytes(Path.of(file + ".minisig"));
    }

    private static void minisign(Path dir, String... args) throws Exception {
        List<String> argv = Stream.concat(Stream.of("minisign"), Stream.of(args)).toList();
        Path out = dir.resolve("minisign.out");
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("minisign timed out: " + argv);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(p.exitValue()).as("%s: %s", argv, Files.readString(out)).isZero();
    }

    /** The store's entries, one folder per content hash (its lock file aside). */
    private List<Path> storedBinaries() throws IOException {
        return children(home().store().resolve("sha256")).stream()
                .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }

    private List<Path> stagingLeftovers() throws IOException {
        return children(home().cache().resolve("staging"));
    }

    private PitstopHome home() {
        return injector.getInstance(PitstopHome.class);
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
