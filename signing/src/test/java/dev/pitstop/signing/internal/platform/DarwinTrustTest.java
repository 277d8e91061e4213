package dev.pitstop.signing.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Platform;
import dev.pitstop.core.trust.TrustReport;
import dev.pitstop.core.trust.TrustReport.Finding;
import dev.pitstop.core.trust.TrustReport.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** macOS tools cannot run here: a fake runner checks the exact command lines and feeds failures. */
class DarwinTrustTest {
    private static final Platform ARM_MAC = new Platform("darwin", "arm64", null);
    private static final Platform INTEL_MAC = new Platform("darwin", "amd64", null);

    @TempDir Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    private static List<String> messages(TrustReport r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).map(Finding::message).toList();
    }

    @Test
    void unsignedArm64IsSignedAdHocAfterQuarantineRemoval() throws Exception {
        Path p = file("tool", MachOFiles.thin(MachOFiles.ARM64, false));
        FakeRunner runner = new FakeRunner()
                .on("xattr -d", 0, "")
                .on("xattr -p", 1, "xattr: " + p + ": No such xattr: com.apple.quarantine")
                .on("codesign --force", 0, p + ": replacing existing signature")
                .on("codesign --verify", 0, "")
                .on("spctl", 3, p + ": rejected");
        TrustReport r = new DarwinTrust(ARM_MAC, runner).prepare(p);
        assertThat(r.actions()).containsExactly("chmod 0755 " + p, "xattr -d com.apple.quarantine " + p,
                "codesign --force --sign - " + p);
        assertThat(runner.calls).containsExactly(
                "xattr -d com.apple.quarantine " + p,
                "codesign --force --sign - " + p,
                "codesign --verify " + p,
                "xattr -p com.apple.quarantine " + p,
                "spctl --assess --type execute " + p);
        // the fake did not really sign: the final check still sees no LC_CODE_SIGNATURE
        assertThat(messages(r, Severity.ERROR)).containsExactly(
                "the arm64 code has no signature; macOS kills it at launch (sign it: codesign --force --sign - FILE)");
        assertThat(messages(r, Severity.WARNING)).singleElement().asString().startsWith("Gatekeeper (spctl) rejects it: " + p + ": rejected");
    }

    @Test
    void signedBinaryWithBrokenSignatureIsResigned() throws Exception {
        Path p = file("tool", MachOFiles.thin(MachOFiles.ARM64, true));
        FakeRunner runner = new FakeRunner()
                .on("xattr -d", 1, "xattr: " + p + ": No such xattr: com.apple.quarantine")
                .on("xattr -p", 1, "No such xattr")
                .on("codesign --verify", 1, p + ": invalid signature (code or signature have been modified)")
                .on("codesign --force", 0, "")
                .on("spctl", 0, "");
        TrustReport r = new DarwinTrust(ARM_MAC, runner).prepare(p);
        assertThat(r.actions()).containsExactly("chmod 0755 " + p, "codesign --force --sign - " + p);
        assertThat(runner.calls).containsSubsequence("codesign --verify " + p, "codesign --force --sign - " + p,
                "codesign --verify " + p);
        // this fake keeps rejecting, so the signature is still invalid after signing
        assertThat(messages(r, Severity.ERROR)).containsExactly(
                "code signature still invalid after ad-hoc signing: " + p + ": invalid signature (code or signature have been modified)",
                "invalid code signature: " + p + ": invalid signature (code or signature have been modified)");
    }

    @Test
    void signingFailuresAreErrors() throws Exception {
        Path p = file("tool", MachOFiles.thin(MachOFiles.ARM64, false));
        FakeRunner failing = new FakeRunner().on("xattr", 1, "No such xattr").on("spctl", 0, "")
                .on("codesign --force", 1, p + ": the codesign_allocate helper tool cannot be found or used");
        assertThat(messages(new DarwinTrust(ARM_MAC, failing).prepare(p), Severity.ERROR)).contains(
                "ad-hoc signing failed: " + p + ": the codesign_allocate helper tool cannot be found or used");
        FakeRunner stillBad = new FakeRunner().on("xattr", 1, "No such xattr").on("spctl", 0, "")
                .on("codesign --force", 0, "").on("codesign --verify", 1, p + ": code object is not signed at all");
        assertThat(messages(new DarwinTrust(ARM_MAC, stillBad).prepare(p), Severity.ERROR)).contains(
                "code signature still invalid after ad-hoc signing: " + p + ": code object is not signed at all");
    }

    @Test
    void validSignatureNeedsNoSigning() throws Exception {
        Path p = file("tool", MachOFiles.thin(MachOFiles.ARM64, true));
        FakeRunner runner = new FakeRunner().on("xattr -d", 0, "").on("xattr -p", 1, "No such xattr")
                .on("codesign --verify", 0, "").on("spctl", 0, "");
        TrustReport r = new DarwinTrust(ARM_MAC, runner).prepare(p);
        assertThat(r.runnable()).isTrue();
        assertThat(r.actions()).containsExactly("chmod 0755 " + p, "xattr -d com.apple.quarantine " + p);
        assertThat(runner.calls).noneMatch(c -> c.startsWith("codesign --force"));
        assertThat(messages(r, Severity.INFO)).containsExactly("Gatekeeper (spctl) accepts it");
    }

    @Test
    void checkReportsQuarantineAndChangesNothing() throws Exception {
        Path p = file("tool", MachOFiles.thin(MachOFiles.ARM64, true));
        FakeRunner runner = new FakeRunner().on("xattr -p", 0, "0081;5f3c;Safari;").on("codesign --verify", 0, "").on("spctl", 0, "");
        TrustReport r = new DarwinTrust(ARM_MAC, runner).check(p);
        assertThat(messages(r, Severity.WARNING)).containsExactly("quarantined (com.apple.quarantine); Gatekeeper may block it");
        assertThat(messages(r, Severity.ERROR)).containsExactly("not executable (mode 0644); chmod +x it, or let Pitstop prepare it");
        assertThat(r.actions()).isEmpty();
        assertThat(runner.calls).noneMatch(c -> c.startsWith("xattr -d") || c.startsWith("codesign --force"));
    }

    @Test
    void quarantineRemovalFailureIsAnError() throws Exception {
        Path p = file("tool", MachOFiles.thin(MachOFiles.X86_64, false));
        FakeRunner runner = new FakeRunner().on("xattr -d", 1, "xattr: [Errno 1] Operation not permitted: '" + p + "'")
                .on("xattr -p", 0, "0081").on("spctl", 0, "");
        TrustReport r = new DarwinTrust(INTEL_MAC, runner).prepare(p);
        assertThat(messages(r, Severity.ERROR)).containsExactly(
                "cannot remove the quarantine flag: xattr: [Errno 1] Operation not permitted: '" + p + "'");
        // x86_64 code need not be signed: no codesign call at all
        assertThat(runner.calls).noneMatch(c -> c.startsWith("codesign"));
    }

    @Test
    void universalBinaryUsesTheHostSlice() throws Exception {
        byte[] fat = MachOFiles.fat(MachOFiles.thin(MachOFiles.X86_64, false), MachOFiles.thin(MachOFiles.ARM64, true));
        MachOHeader h = MachOHeader.read(file("universal", fat));
        assertThat(h.slices()).containsExactly(new MachOHeader.Slice(MachOFiles.X86_64, false),
                new MachOHeader.Slice(MachOFiles.ARM64, true));
        FakeRunner runner = new FakeRunner().on("xattr -p", 1, "No such xattr").on("codesign --verify", 0, "").on("spctl", 0, "");
        Path p = dir.resolve("universal");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(new DarwinTrust(ARM_MAC, runner).check(p).runnable()).isTrue();
        assertThat(new DarwinTrust(INTEL_MAC, new FakeRunner().on("xattr -p", 1, "").on("spctl", 0, "")).check(p).runnable()).isTrue();
    }

    @Test
    void wrongArchitectureAndFormats() throws Exception {
        Path arm = file("arm", MachOFiles.thin(MachOFiles.ARM64, true));
        Path intel = file("intel", MachOFiles.thin(MachOFiles.X86_64, false));
        Path elf = file("elf", Files.readAllBytes(Path.of("/bin/true")));
        Path classFile = file("Main.class", new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61});
        FakeRunner runner = new FakeRunner().on("xattr -p", 1, "").on("spctl", 0, "");
        assertThat(messages(new DarwinTrust(INTEL_MAC, runner).check(arm), Severity.ERROR))
                .contains("built for arm64, this Mac is x86_64");
        assertThat(messages(new DarwinTrust(ARM_MAC, runner).check(intel), Severity.WARNING))
                .contains("built for x86_64 only; runs under Rosetta 2 if it is installed");
        assertThat(messages(new DarwinTrust(ARM_MAC, runner).check(elf), Severity.ERROR))
                .contains("not a macOS executable: an ELF binary, built for Linux or another Unix");
        assertThat(messages(new DarwinTrust(ARM_MAC, runner).check(classFile), Severity.ERROR))
                .anyMatch(m -> m.startsWith("not a macOS executable: unknown format"));
    }

    @Test
    void truncatedMachOIsBroken() throws Exception {
        byte[] full = MachOFiles.thin(MachOFiles.ARM64, true);
        Path p = file("cut", java.util.Arrays.copyOf(full, 40));
        assertThat(messages(new DarwinTrust(ARM_MAC, new FakeRunner()).check(p), Severity.ERROR))
                .contains("broken Mach-O file: truncated load command 1 of arm64");
    }

    @Test
    void missingFileIsOneError() {
        TrustReport r = new DarwinTrust(ARM_MAC, new FakeRunner()).prepare(dir.resolve("absent"));
        assertThat(messages(r, Severity.ERROR)).containsExactly("no such file");
        assertThat(r.actions()).isEmpty();
    }

    @Test
    void missingToolIsReportedNotThrown() throws Exception {
        Path p = file("tool", MachOFiles.thin(MachOFiles.ARM64, true));
        FakeRunner runner = new FakeRunner().failToStart("");
        TrustReport r = new DarwinTrust(ARM_MAC, runner).check(p);
        assertThat(messages(r, Severity.ERROR)).contains("xattr -p com.apple.quarantine " + p + ": cannot run: No such file or directory");
    }
}
