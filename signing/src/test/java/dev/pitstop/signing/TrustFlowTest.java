package dev.pitstop.signing;

import static dev.pitstop.signing.testing.Tools.ok;
import static dev.pitstop.signing.testing.Tools.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.Digest;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.core.trust.TrustReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order the engine uses: parse the checksum file, verify, prepare, make read-only, run. */
class TrustFlowTest {
    @TempDir Path dir;
    private final Injector injector = Guice.createInjector(new SigningModule());

    @Test
    void verifiedDownloadBecomesARunnableReadOnlyFile() throws Exception {
        Path staged = dir.resolve("true");
        Files.copy(Path.of("/bin/true"), staged);
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-r--r--"));
        String sums = ok(dir, "sha256sum", "true");
        Digest published = injector.getInstance(ChecksumParser.class).find(sums, "true").orElseThrow();

        TrustPolicy policy = TrustPolicy.of(TestSpecs.spec("true", "file", "/bin/true", "checksum: required"));
        List<Evidence> evidence = injector.getInstance(Verification.class)
                .verify(staged, policy, Published.NOTHING.withDigest(published, "checksum-file", "SHA256SUMS"), dir);
        assertThat(evidence).containsExactly(new Evidence("checksum-file", published + " from SHA256SUMS"));

        PlatformTrust trust = injector.getInstance(PlatformTrust.class);
        TrustReport report = trust.prepare(staged).requireRunnable();
        assertThat(report.actions()).containsExactly("chmod 0755 " + staged);
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThat(trust.check(staged).runnable()).isTrue();
        assertThat(run(dir, staged.toString()).exitCode()).isZero();
    }

    @Test
    void tamperedDownloadNeverReachesPrepare() throws Exception {
        Path staged = dir.resolve("true");
        Files.copy(Path.of("/bin/true"), staged);
        Digest published = injector.getInstance(ChecksumParser.class).find(ok(dir, "sha256sum", "true"), "true").orElseThrow();
        Files.write(staged, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        TrustPolicy policy = TrustPolicy.of(BinarySpec.of("true", "file", "/bin/true"));
        assertThatThrownBy(() -> injector.getInstance(Verification.class)
                .verify(staged, policy, Published.NOTHING.withDigest(published, "checksum-file", "SHA256SUMS"), dir))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageStartingWith("true: sha256 mismatch: expected " + published.hex() + ", got ");
    }
}
