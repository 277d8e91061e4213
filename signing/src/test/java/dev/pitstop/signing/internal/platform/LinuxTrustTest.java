package dev.pitstop.signing.internal.platform;

import static dev.pitstop.signing.testing.Tools.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pitstop.core.Platform;
import dev.pitstop.core.trust.BinaryNotRunnableException;
import dev.pitstop.core.trust.PlatformDetector;
import dev.pitstop.core.trust.TrustReport;
import dev.pitstop.core.trust.TrustReport.Finding;
import dev.pitstop.core.trust.TrustReport.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ELF files from this machine, patched where a foreign one is needed; the kernel confirms each verdict. */
class LinuxTrustTest {
    private static final Path TRUE = Path.of("/bin/true");

    @TempDir Path dir;
    private final Platform host = new PlatformDetector().detect();
    private final LinuxTrust trust = new LinuxTrust(host, Path.of("/proc/self/mountinfo"));

    private Path copy(Path source, String name) throws IOException {
        Path p = dir.resolve(name);
        Files.copy(source, p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static String errors(TrustReport r) {
        return r.errors().stream().map(Finding::message).reduce("", (a, b) -> a + b);
    }

    /**
     * Whether the file really runs here (it is a copy of {@code true}, so success is exit code 0). The JDK retries
     * an ENOEXEC failure through /bin/sh, which then exits non-zero.
     */
    private static boolean kernelStarts(Path file) throws Exception {
        try {
            return run(file.getParent(), file.toString()).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void hostBinaryIsRunnable() throws Exception {
        TrustReport r = trust.check(copy(TRUE, "true"));
        assertThat(r.runnable()).as(r.toString()).isTrue();
        assertThat(r.findings()).extracting(Finding::message).anyMatch(m -> m.contains("loader /"));
    }

    @Test
    void staticBinaryHasNoLoader() throws Exception {
        Path ldconfig = Path.of("/sbin/ldconfig");
        assumeThat(Files.exists(ldconfig)).isTrue();
        TrustReport r = trust.check(copy(ldconfig, "static"));
        assertThat(r.runnable()).isTrue();
        assertThat(r.findings()).extracting(Finding::message).anyMatch(m -> m.endsWith("statically linked"));
    }

    @Test
    void prepareAddsExecuteBitsWhereReadable() throws Exception {
        Path p = copy(TRUE, "tool");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        TrustReport before = trust.check(p);
        assertThat(errors(before)).isEqualTo("not executable (mode 0644); chmod +x it, or let Pitstop prepare it");
        Assertions.assertThatThrownBy(before::requireRunnable).isInstanceOf(BinaryNotRunnableException.class)
                .hasMessage(p + ": not executable (mode 0644); chmod +x it, or let Pitstop prepare it");

        TrustReport prepared = trust.prepare(p);
        assertThat(prepared.actions()).containsExactly("chmod 0755 " + p);
        assertThat(prepared.runnable()).isTrue();
        assertThat(Files.getPosixFilePermissions(p)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(trust.prepare(p).actions()).isEmpty();

        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        assertThat(trust.prepare(p).actions()).containsExactly("chmod 0700 " + p);
    }

    @Test
    void prepareWorksOnReadOnlyStoreFiles() throws Exception {
        Path p = copy(TRUE, "ro");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
        assertThat(trust.prepare(p).actions()).containsExactly("chmod 0555 " + p);
        assertThat(kernelStarts(p)).isTrue();
    }

    @Test
    void foreignMachineIsNamedBeforeAnyStart() throws Exception {
        int hostMachine = ElfHeader.machineOf(host.arch());
        int foreign = hostMachine == 183 ? 62 : 183;
        Path p = copy(TRUE, "foreign");
        patch(p, 18, (short) foreign);
        assertThat(errors(trust.check(p))).isEqualTo("built for " + ElfHeader.machineName(foreign)
                + ", this machine is " + ElfHeader.machineName(hostMachine));
        assertThat(kernelStarts(p)).isFalse();
    }

    @Test
    void missingLoaderIsNamed() throws Exception {
        Path p = copy(TRUE, "musl-tool");
        String loader = ElfHeader.read(p).interpreter();
        assumeThat(loader).isNotNull();
        String missing = "/lib/ld-musl-x86_64.so.1";
        assumeThat(Files.exists(Path.of(missing))).isFalse();
        byte[] bytes = Files.readAllBytes(p);
        int at = indexOf(bytes, loader.getBytes(StandardCharsets.US_ASCII));
        byte[] replacement = Arrays.copyOf(missing.getBytes(StandardCharsets.US_ASCII), loader.length());
        System.arraycopy(replacement, 0, bytes, at, replacement.length);
        Files.write(p, bytes);

        String error = errors(trust.check(p));
        assertThat(error).startsWith("needs the program loader " + missing + ", which this machine lacks");
        if ("gnu".equals(host.libc())) {
            assertThat(error).contains("a binary for musl libc");
        }
        assertThat(kernelStarts(p)).isFalse();
    }

    @Test
    void brokenAndForeignFormatsAreNamed() throws Exception {
        Path truncated = dir.resolve("truncated");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(TRUE), 40));
        Path html = dir.resolve("html");
        Files.writeString(html, "<!DOCTYPE html><title>404</title>");
        Path exe = dir.resolve("tool.exe");
        Files.write(exe, new byte[] {'M', 'Z', 0, 0});
        Path empty = dir.resolve("empty");
        Files.write(empty, new byte[0]);
        for (Path p : new Path[] {truncated, html, exe, empty}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(errors(trust.check(truncated))).isEqualTo("broken ELF file: truncated ELF header (40 bytes)");
        assertThat(errors(trust.check(html))).isEqualTo("not a Linux executable: looks like HTML or XML (an error page instead of the download?)");
        assertThat(errors(trust.check(exe))).isEqualTo("not a Linux executable: a Windows executable");
        assertThat(errors(trust.check(empty))).isEqualTo("not a Linux executable: the file is empty");
        assertThat(errors(trust.check(dir.resolve("absent")))).isEqualTo("no such file");
        assertThat(trust.prepare(dir.resolve("absent")).errors()).extracting(Finding::message).containsExactly("no such file");
    }

    @Test
    void scriptsNeedTheirInterpreter() throws Exception {
        Path ok = dir.resolve("ok.sh");
        Files.writeString(ok, "#!/bin/sh\nexit 0\n");
        Path bad = dir.resolve("bad.sh");
        Files.writeString(bad, "#!/usr/bin/no-such-shell -e\nexit 0\n");
        Files.setPosixFilePermissions(ok, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(trust.check(ok).runnable()).isTrue();
        assertThat(errors(trust.check(bad))).isEqualTo("script interpreter /usr/bin/no-such-shell does not exist");
        assertThat(kernelStarts(bad)).isFalse();
    }

    @Test
    void noexecMountIsNamed() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("noexec mount"));
        var mounted = run(dir, "mount", "-t", "tmpfs", "-o", "noexec,size=16m", "tmpfs", mnt.toString());
        assumeThat(mounted.exitCode()).as("mounting tmpfs needs root: " + mounted.output()).isZero();
        try {
            Path p = mnt.resolve("true");
            Files.copy(TRUE, p);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(errors(trust.check(p))).isEqualTo("lies on " + mnt + ", which is mounted noexec, so nothing "
                    + "there can be executed; set PITSTOP_HOME to a folder on another file system");
            assertThat(kernelStarts(p)).isFalse();
        } finally {
            assertThat(run(dir, "umount", mnt.toString()).exitCode()).isZero();
        }
    }

    @Test
    void reportSeveritiesDecideRunnable() {
        TrustReport r = new TrustReport(dir, java.util.List.of(new Finding(Severity.WARNING, "w")), java.util.List.of());
        assertThat(r.runnable()).isTrue();
        assertThat(r.and(new TrustReport(dir, java.util.List.of(new Finding(Severity.ERROR, "e")), java.util.List.of("a")))
                .runnable()).isFalse();
    }

    private static void patch(Path file, int offset, short value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, value);
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
