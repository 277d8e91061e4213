package dev.pitstop.fetchers.url;

import static dev.pitstop.fetchers.Fixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.DigestMismatchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.fetchers.Fixture;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.ReleaseServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlAndMirrorSourceTest {
    static final Platform LINUX = Platform.parse("linux/amd64");
    static final Platform MAC = Platform.parse("darwin/arm64");

    @TempDir
    Path tmp;
    ReleaseServer server;
    Fixture fixture;
    Path staging;
    byte[] linuxTgz;
    final byte[] linuxBin = "linux build".getBytes();
    final byte[] macBin = "mac build".getBytes();

    @BeforeEach
    void start() throws Exception {
        server = ReleaseServer.start();
        linuxTgz = Archives.tar().file("tool-2.0.0/tool", linuxBin, 0755).build("gz");
        server.repo("acme/tool").release("v1.0.0")
                .asset("tool-1.0.0-linux-x86_64.tar.gz", Archives.tar().file("tool", "old".getBytes(), 0755).build("gz"));
        server.repo("acme/tool").release("v2.0.0")
                .asset("tool-2.0.0-linux-x86_64.tar.gz", linuxTgz)
                .asset("tool-2.0.0-macos.zip", Archives.zip().file("tool", macBin, 0755).buildZip())
                .checksums("SHA256SUMS");
        fixture = new Fixture(tmp.resolve("home"), Map.of());
        staging = Files.createDirectories(tmp.resolve("staging"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String template() {
        return server.apiUrl() + "acme/tool/releases/download/v{version}/tool-{version}-{os}-{arch}.tar.gz";
    }

    @Test
    void aUrlTemplateWithPublisherSpellingsAndAChecksumFile() throws Exception {
        String yaml = "arch_names: {amd64: x86_64}\nchecksum_url: \"" + server.apiUrl()
                + "acme/tool/releases/download/v{version}/SHA256SUMS\"";
        FetchedBinary got = fixture.source("url").fetch(Fixture.request(fixture.source("url"),
                spec("tool", "url", template(), "2.0.0", yaml), LINUX, staging));

        assertThat(Files.readAllBytes(got.path())).isEqualTo(linuxBin);
        assertThat(got.assetName()).isEqualTo("tool-2.0.0-linux-x86_64.tar.gz");
        assertThat(got.coordinates()).startsWith("url:http://127.0.0.1:");
        assertThat(got.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("checksum-file");
            assertThat(e.detail()).endsWith("/SHA256SUMS");
        });
    }

    @Test
    void anInlineChecksumAndAPlatformOverride() throws Exception {
        String yaml = "arch_names: {amd64: x86_64}\nchecksum: sha256:" + sha256(linuxTgz) + "\n"
                + "platforms:\n  darwin/arm64:\n    url: \"" + server.apiUrl()
                + "acme/tool/releases/download/v{version}/tool-{version}-macos.zip\"\n";
        FetchedBinary linux = fixture.source("url").fetch(Fixture.request(fixture.source("url"),
                spec("tool", "url", template(), "2.0.0", yaml), LINUX, staging));
        assertThat(linux.evidence()).extracting(e -> e.kind()).containsExactly("inline-checksum");
        Files.delete(linux.path());

        // the override names no checksum, and the inline one is for the Linux archive: it must not apply
        String macYaml = yaml.replace("checksum: sha256:" + sha256(linuxTgz), "");
        FetchedBinary mac = fixture.source("url").fetch(Fixture.request(fixture.source("url"),
                spec("tool", "url", template(), "2.0.0", macYaml), MAC, staging));
        assertThat(Files.readAllBytes(mac.path())).isEqualTo(macBin);
        assertThat(mac.evidence()).extracting(e -> e.kind()).containsExactly("none");
    }

    @Test
    void aWrongInlineChecksumLeavesNothing() {
        String yaml = "arch_names: {amd64: x86_64}\nchecksum: sha256:" + "ab".repeat(32);

        assertThatThrownBy(() -> fixture.source("url").fetch(Fixture.request(fixture.source("url"),
                spec("tool", "url", template(), "2.0.0", yaml), LINUX, staging)))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("inline-checksum");
        assertThat(Fixture.filesIn(staging)).isZero();
    }

    @Test
    void aUrlNeedsAConcreteVersionAndAValidChecksum() {
        assertThatThrownBy(() -> fixture.source("url").resolve(spec("tool", "url", template(), "latest", ""), LINUX))
                .hasMessage("binaries.tool.version: 'latest': a url: source needs a concrete version");
        assertThatThrownBy(() -> fixture.source("url").resolve(spec("tool", "url", template(), "2.0.0", "checksum: md5:00"), LINUX))
                .hasMessageStartingWith("binaries.tool.checksum: 'md5:00'");
    }

    @Test
    void aMirrorFolderServesMachinesWithoutNetwork() throws Exception {
        Path mirror = tmp.resolve("mirror");
        server.writeMirror(mirror);
        server.close();
        assertThat(mirror.resolve("acme/tool/releases/latest.json")).exists();
        assertThat(mirror.resolve("acme/tool/releases/tags/v1.0.0.json")).exists();
        assertThat(mirror.resolve("acme/tool/releases/download/v2.0.0/SHA256SUMS")).exists();

        Release latest = fixture.source("mirror").resolve(spec("tool", "mirror", mirror.toString(), "latest", "repo: acme/tool"), LINUX);
        assertThat(latest.tag()).isEqualTo("v2.0.0");
        assertThat(latest.assets().get(0).downloadUrl().getScheme()).isEqualTo("file");

        FetchedBinary got = fixture.source("mirror").fetch(Fixture.request(fixture.source("mirror"), 
                spec("tool", "mirror", mirror.toString(), "latest", "repo: acme/tool"), LINUX, staging));
        assertThat(Files.readAllBytes(got.path())).isEqualTo(linuxBin);
        assertThat(got.coordinates()).isEqualTo("mirror:acme/tool");
        assertThat(got.evidence()).extracting(e -> e.kind()).containsExactly("github-digest");
        Files.delete(got.path());

        FetchedBinary old = fixture.source("mirror").fetch(Fixture.request(fixture.source("mirror"), 
                spec("tool", "mirror", mirror.toString(), "1.0.0", "repo: acme/tool"), LINUX, staging));
        assertThat(Files.readString(old.path())).isEqualTo("old");

        assertThatThrownBy(() -> fixture.source("mirror").resolve(spec("tool", "mirror", mirror.toString(), "latest", ""), LINUX))
                .hasMessageContaining("binaries.tool.repo");
        assertThatThrownBy(() -> fixture.source("mirror").resolve(spec("tool", "mirror", mirror.toString(), "9.9", "repo: acme/tool"), LINUX))
                .hasMessageContaining("no release 9.9 of acme/tool");
    }

    @Test
    void aMirrorGivenAsAFileUriAndATagWithoutItsV() throws Exception {
        Path mirror = tmp.resolve("mirror");
        server.writeMirror(mirror);
        String base = mirror.toUri().toString();

        FetchedBinary got = fixture.source("mirror").fetch(Fixture.request(fixture.source("mirror"), 
                spec("tool", "mirror", base, "v2.0.0", "repo: acme/tool"), LINUX, staging));
        assertThat(Files.readAllBytes(got.path())).isEqualTo(linuxBin);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
