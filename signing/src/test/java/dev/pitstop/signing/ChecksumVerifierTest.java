package dev.pitstop.signing;

import static dev.pitstop.signing.testing.Tools.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.trust.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumVerifierTest {
    @TempDir Path dir;
    private final ChecksumVerifier verifier = new ChecksumVerifier();

    @Test
    void agreesWithSha256sumAndSha512sum() throws Exception {
        Path file = dir.resolve("tool");
        Files.write(file, new byte[200_000]);
        Digest sha256 = new Digest("sha256", ok(dir, "sh", "-c", "sha256sum tool | cut -c1-64").strip());
        Digest sha512 = new Digest("sha512", ok(dir, "sh", "-c", "sha512sum tool | cut -c1-128").strip());
        assertThat(verifier.verify(file, sha256)).isEqualTo(sha256);
        assertThat(verifier.verify(file, sha512)).isEqualTo(sha512);
    }

    @Test
    void mismatchNamesFileExpectedAndActual() throws Exception {
        Path file = dir.resolve("tool");
        Files.writeString(file, "tampered");
        Digest expected = new Digest("sha256", "0".repeat(64));
        Digest actual = verifier.digest(file, "sha256");
        assertThatThrownBy(() -> verifier.verify(file, expected))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessage("tool: sha256 mismatch: expected " + "0".repeat(64) + ", got " + actual.hex())
                .satisfies(e -> assertThat(((ChecksumMismatchException) e).actual()).isEqualTo(actual));
    }
}
