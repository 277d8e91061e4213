package dev.pitstop.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.signing.ManifestSigner;
import dev.pitstop.signing.minisign.Minisign;
import dev.pitstop.testkit.release.ReleaseServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh with the archive the build made (from a folder and from a URL), then {@code pitstop self update} from that release (A) to a newer
 * one (B, the same archive re-labelled 0.2.0 and signed with the same release key) served by the testkit's
 * GitHub-shaped release server, and {@code self rollback} back to A; a tampered archive and one signed with
 * another key are refused.
 */
class InstallAndSelfUpdateIT {
    private static final String REPO = "pitstop-dev/pitstop";
    private static final Dist DIST = new Dist();
    @TempDir
    static Path temp;
    static Path bare;
    static Path home;

    @BeforeAll
    static void setUp() throws IOException {
        bare = Dist.barePath(temp);
        home = Files.createDirectories(temp.resolve("home"));
    }

    private static Dist.Result install(Path prefix, String source) throws Exception {
        return Dist.run(Dist.env(bare, home), temp, "bash", DIST.installScript.toString(), "--prefix",
                prefix.toString(), source);
    }

    @Test
    void installsFromAFolderWithCompletionAndRefusesATamperedArchive() throws Exception {
        Path prefix = temp.resolve("prefix");
        Dist.Result installed = install(prefix, DIST.archive().getParent().toString());
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(Dist.run(Dist.env(bare, home), temp, prefix.resolve("bin/pitstop").toString(), "--version").output())
                .isEqualTo("pitstop " + DIST.version + "\n");
        Path completion = prefix.resolve("share/bash-completion/completions/pitstop");
        assertThat(Dist.run(Dist.env(bare, home), temp, "bash", "-n", completion.toString()).exitCode()).isZero();
        assertThat(prefix.resolve("share/zsh/site-functions/_pitstop")).exists();
        assertThat(prefix.resolve("share/fish/vendor_completions.d/pitstop.fish")).exists();
        assertThat(prefix.resolve("share/man/man1/pitstop-ps.1")).exists();

        Path tampered = Files.createDirectories(temp.resolve("tampered")).resolve(DIST.archive().getFileName());
        byte[] bytes = Files.readAllBytes(DIST.archive());
        bytes[bytes.length / 2] ^= 1;
        Files.write(tampered, bytes);
        Files.copy(Path.of(DIST.archive() + ".sha256"), Path.of(tampered + ".sha256"));
        Path other = temp.resolve("other-prefix");
        Dist.Result refused = install(other, tampered.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("SHA-256 is", "not installed");
        assertThat(other.resolve("bin/pitstop")).doesNotExist();
    }

    @Test
    void updatesItselfThroughItsGithubSourceAndRollsBack() throws Exception {
        Path a = DIST.archive();
        Path b = relabelled(a, "0.2.0");
        // refused before they are unpacked, so B's bytes under their names will do: C is served tampered, D is
        // signed with another key
        Path c = renamed(b, "0.3.0", DIST.secretKey);
        Path otherKey = Files.createDirectories(temp.resolve("other")).resolve("release.key");
        new ManifestSigner(new Minisign()).keygen(otherKey, otherKey.resolveSibling("release.pub"));
        Path d = renamed(b, "0.4.0", otherKey);
        Path prefix = temp.resolve("self-prefix");
        Path pitstop = prefix.resolve("bin/pitstop");
        try (ReleaseServer server = ReleaseServer.start()) {
            // listed newest (last published) first; the latest release is v0.2.0, v0.3.0 is a pre-release
            publish(server, "v" + DIST.version, a, Instant.parse("2026-01-01T00:00:00Z"));
            publish(server, "v0.2.0", b, Instant.parse("2026-02-01T00:00:00Z"));
            publish(server, "v0.3.0", c, Instant.parse("2026-03-01T00:00:00Z")).prerelease(true);
            publish(server, "v0.4.0", d, Instant.parse("2026-04-01T00:00:00Z")).prerelease(true);
            server.faults().tamper(c.getFileName().toString());
            Map<String, String> env = Dist.env(bare, home, "GITHUB_API_URL", server.apiUrl().toString());
            // A installed from its download URL (GitHub's shape: the .sha256 is the sibling asset)
            Dist.Result installed = install(prefix, server.apiUrl() + REPO + "/releases/download/v" + DIST.version
                    + "/" + a.getFileName());
            assertThat(installed.exitCode()).as(installed.output()).isZero();

            Dist.Result update = Dist.run(env, temp, pitstop.toString(), "self", "update");
            assertThat(update.exitCode()).as(update.output()).isZero();
            assertThat(update.output()).contains("updated " + DIST.version + " \u2192 0.2.0", "minisign");
            assertThat(Dist.run(env, temp, pitstop.toString(), "--version").output()).isEqualTo("pitstop 0.2.0\n");
            assertThat(Dist.run(env, temp, pitstop.toString(), "self", "update").output())
                    .contains("0.2.0 is the latest release");

            Dist.Result rollback = Dist.run(env, temp, pitstop.toString(), "self", "rollback");
            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            assertThat(Dist.run(env, temp, pitstop.toString(), "--version").output())
                    .isEqualTo("pitstop " + DIST.version + "\n");
            assertThat(prefix.resolve("lib/pitstop/pitstop.lock.json")).content()
                    .contains("\"0.2.0\"", "\"" + DIST.version + "\"");

            Dist.Result tampered = Dist.run(env, temp, pitstop.toString(), "self", "update", "--version", "v0.3.0");
            assertThat(tampered.exitCode()).isEqualTo(1);
            assertThat(tampered.output()).contains(c.getFileName().toString()).containsIgnoringCase("sha256");
            assertThat(Dist.run(env, temp, pitstop.toString(), "--version").output())
                    .isEqualTo("pitstop " + DIST.version + "\n");
            assertThat(prefix.resolve("lib/pitstop/versions/0.3.0")).doesNotExist();

            Dist.Result otherSigner = Dist.run(env, temp, pitstop.toString(), "self", "update", "--version", "v0.4.0");
            assertThat(otherSigner.exitCode()).isEqualTo(1);
            assertThat(otherSigner.output()).contains("minisign key");
            assertThat(Dist.run(env, temp, pitstop.toString(), "--version").output())
                    .isEqualTo("pitstop " + DIST.version + "\n");
        }
    }

    /** Publishes an archive with its .sha256 and .minisig, as the release workflow uploads them. */
    private static dev.pitstop.testkit.release.ReleaseFixture publish(ReleaseServer server, String tag, Path archive,
                                                                     Instant at) throws IOException {
        String name = archive.getFileName().toString();
        return server.repo(REPO).release(tag).publishedAt(at)
                .asset(name, Files.readAllBytes(archive))
                .asset(name + ".sha256", Files.readString(Path.of(archive + ".sha256")))
                .asset(name + ".minisig", Files.readString(Path.of(archive + ".minisig")));
    }

    /** A copy of a release archive under another version's name, with its checksum, signed with {@code key}. */
    private static Path renamed(Path archive, String version, Path key) throws IOException {
        String name = archive.getFileName().toString().replaceFirst("^pitstop-[^-]+-", "pitstop-" + version + "-");
        Path copy = Files.copy(archive, archive.resolveSibling(name));
        ReleaseFiles.checksum(copy);
        new ManifestSigner(new Minisign()).sign(copy, key);
        return copy;
    }

    /**
     * The build's archive as another version: unpacked, its {@code release} file saying {@code version}, packed
     * again with tar, with its checksum and a signature by the build's release key.
     */
    private static Path relabelled(Path archive, String version) throws Exception {
        Path work = Files.createDirectories(temp.resolve("relabel-" + version));
        Path tree = Dist.unpack(archive, work);
        String platform = tree.getFileName().toString().substring(("pitstop-" + DIST.version + "-").length());
        Path release = tree.resolve("release");
        Files.writeString(release, Files.readString(release, StandardCharsets.UTF_8)
                .replace("PITSTOP_VERSION=\"" + DIST.version + "\"", "PITSTOP_VERSION=\"" + version + "\""));
        String name = "pitstop-" + version + "-" + platform;
        Files.move(tree, work.resolve(name));
        Path out = Files.createDirectories(temp.resolve("releases")).resolve(name + ".tar.gz");
        // gzip -1: a test archive need not be small
        Dist.Result tar = Dist.run(Map.of("PATH", "/usr/bin:/bin"), work, "tar", "-I", "gzip -1", "-cf",
                out.toString(), name);
        assertThat(tar.exitCode()).as(tar.output()).isZero();
        ReleaseFiles.checksum(out);
        new ManifestSigner(new Minisign()).sign(out, DIST.secretKey);
        return out;
    }
}
