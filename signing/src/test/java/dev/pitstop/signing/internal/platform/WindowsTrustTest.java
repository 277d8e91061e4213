package dev.pitstop.signing.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Platform;
import dev.pitstop.core.trust.TrustReport;
import dev.pitstop.core.trust.TrustReport.Finding;
import dev.pitstop.core.trust.TrustReport.Severity;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowsTrustTest {
    private static final Platform WIN_X64 = new Platform("windows", "amd64", null);

    @TempDir Path dir;

    /** The smallest header Windows reads first: MZ, e_lfanew at 0x3c, "PE\0\0", then the machine. */
    private Path pe(String name, int machine) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x80).putInt(0x80, 0x00004550).putShort(0x84, (short) machine);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private static List<String> messages(TrustReport r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).map(Finding::message).toList();
    }

    @Test
    void unblocksMarkedFile() throws Exception {
        Path p = pe("it's.exe", 0x8664);
        String quoted = "'" + p.toString().replace("'", "''") + "'";
        FakeRunner runner = new FakeRunner().on("powershell.exe", 3, "").on("powershell.exe -NoProfile -NonInteractive -Command Unblock-File", 0, "");
        TrustReport r = new WindowsTrust(WIN_X64, runner).prepare(p);
        assertThat(r.actions()).containsExactly("Unblock-File -LiteralPath " + quoted);
        assertThat(runner.calls.get(0)).isEqualTo("powershell.exe -NoProfile -NonInteractive -Command if (Get-Item -LiteralPath "
                + quoted + " -Stream Zone.Identifier -ErrorAction SilentlyContinue) { exit 3 } else { exit 0 }");
        assertThat(runner.calls.get(1)).isEqualTo("powershell.exe -NoProfile -NonInteractive -Command Unblock-File -LiteralPath " + quoted);
    }

    @Test
    void unmarkedFileNeedsNothing() throws Exception {
        Path p = pe("tool.exe", 0x8664);
        FakeRunner runner = new FakeRunner().on("powershell.exe", 0, "");
        TrustReport r = new WindowsTrust(WIN_X64, runner).prepare(p);
        assertThat(r.actions()).isEmpty();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void unblockFailureIsAnError() throws Exception {
        Path p = pe("tool.exe", 0x8664);
        FakeRunner runner = new FakeRunner().on("powershell.exe", 3, "")
                .on("powershell.exe -NoProfile -NonInteractive -Command Unblock-File", 1, "Access to the path is denied.");
        assertThat(messages(new WindowsTrust(WIN_X64, runner).prepare(p), Severity.ERROR))
                .containsExactly("Unblock-File failed: Access to the path is denied.");
    }

    @Test
    void machineTypes() throws Exception {
        FakeRunner runner = new FakeRunner().on("powershell.exe", 0, "");
        assertThat(messages(new WindowsTrust(WIN_X64, runner).check(pe("arm.exe", 0xaa64)), Severity.ERROR))
                .containsExactly("built for arm64, this machine is amd64");
        assertThat(new WindowsTrust(new Platform("windows", "arm64", null), runner).check(pe("x.exe", 0x8664)).runnable()).isTrue();
        Path elf = dir.resolve("tool");
        Files.copy(Path.of("/bin/true"), elf);
        assertThat(messages(new WindowsTrust(WIN_X64, runner).check(elf), Severity.ERROR))
                .containsExactly("not a Windows executable: an ELF binary, built for Linux or another Unix");
        assertThat(messages(new WindowsTrust(WIN_X64, runner).check(dir.resolve("absent.exe")), Severity.ERROR))
                .containsExactly("no such file");
    }

    @Test
    void missingPowerShellIsReported() throws Exception {
        Path p = pe("tool.exe", 0x8664);
        TrustReport r = new WindowsTrust(WIN_X64, new FakeRunner().failToStart("powershell.exe")).prepare(p);
        assertThat(messages(r, Severity.ERROR)).singleElement().asString().contains("cannot run: No such file or directory");
    }
}
