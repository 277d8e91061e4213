package dev.pitstop.signing.internal;

import static dev.pitstop.signing.testing.Tools.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.trust.Digest;
import dev.pitstop.signing.MalformedTrustInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SumFileParserTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private final SumFileParser parser = new SumFileParser();

    @Test
    void readsRealSha256sumAndSha512sumOutputInTextBinaryAndTagModes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tool_linux_amd64"), "one");
        Files.writeString(dir.resolve("tool_darwin_arm64"), "two");
        Digest expected = new Digest("sha256", ok(dir, "sh", "-c", "sha256sum tool_linux_amd64 | cut -c1-64").strip());
        Digest expected512 = new Digest("sha512", ok(dir, "sh", "-c", "sha512sum tool_linux_amd64 | cut -c1-128").strip());
        for (String cmd : new String[] {"sha256sum ./tool_*", "sha256sum -b tool_*", "sha256sum --tag tool_*",
                "shasum -a 256 tool_*", "cd .. && sha256sum " + dir.getFileName() + "/tool_*"}) {
            String text = ok(dir, "sh", "-c", cmd);
            assertThat(parser.find(text, "tool_linux_amd64")).as(cmd).contains(expected);
            assertThat(parser.find(text, "tool_windows_amd64.exe")).as(cmd).isEmpty();
        }
        for (String cmd : new String[] {"sha512sum tool_*", "sha512sum --tag tool_*"}) {
            assertThat(parser.find(ok(dir, "sh", "-c", cmd), "tool_linux_amd64")).as(cmd).contains(expected512);
        }
    }

    @Test
    void oneHashFilesMatchAnyName() {
        assertThat(parser.find(A + "\n", "whatever")).contains(new Digest("sha256", A));
        assertThat(parser.find(A.toUpperCase() + "  tool.tar.gz\r\n", "tool.tar.gz")).contains(new Digest("sha256", A));
        assertThat(parser.find("sha256:" + A, "x")).contains(new Digest("sha256", A));
    }

    @Test
    void oneHashFileWithAnotherNameDoesNotMatch() {
        assertThat(parser.find(A + "  other.tar.gz\n", "tool.tar.gz")).isEmpty();
    }

    @Test
    void prefersExactPathAndRejectsAmbiguousBaseNames() {
        String text = A + "  linux/tool\n" + B + "  darwin/tool\n";
        assertThat(parser.find(text, "darwin/tool")).contains(new Digest("sha256", B));
        assertThatThrownBy(() -> parser.find(text, "tool"))
                .isInstanceOf(MalformedTrustInputException.class)
                .hasMessage("checksum file: lists 2 different digests for files named tool");
    }

    @Test
    void skipsCommentsAndSignedMessageArmor() {
        String text = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n# checksums\n" + A + "  tool\n";
        assertThat(parser.find(text, "tool")).contains(new Digest("sha256", A));
    }

    @Test
    void garbageIsAClearError() {
        assertThatThrownBy(() -> parser.find("<html><body>Not Found</body></html>", "tool"))
                .isInstanceOf(MalformedTrustInputException.class)
                .hasMessage("checksum file: holds no SHA-256 or SHA-512 checksum line (first line: '<html><body>Not Found</body></html>')");
        assertThatThrownBy(() -> parser.find("  \n", "tool"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessage("checksum file: is empty");
        assertThatThrownBy(() -> parser.find("SHA256 (tool) = abc", "tool"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("not a sha256 hex digest");
        assertThat(parser.find("d41d8cd98f00b204e9800998ecf8427e  tool\n" + A + "  other\n", "tool")).isEmpty();
    }
}
