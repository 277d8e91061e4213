package dev.pitstop.signing.internal.platform;

import dev.pitstop.core.Platform;
import dev.pitstop.core.trust.CommandRunException;
import dev.pitstop.core.trust.CommandRunner;
import dev.pitstop.core.trust.PlatformDetector;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.core.trust.TrustReport;
import dev.pitstop.core.trust.TrustReport.Finding;
import dev.pitstop.core.trust.TrustReport.Severity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Windows: the {@code Zone.Identifier} alternate data stream ("mark of the web") that makes SmartScreen and
 * PowerShell distrust a downloaded file, removed with {@code Unblock-File}; and the PE machine type.
 */
public final class WindowsTrust implements PlatformTrust {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MARKED = 3;
    private static final Map<Integer, String> MACHINES = Map.of(0x8664, "amd64", 0xaa64, "arm64", 0x14c, "386", 0x1c4, "arm");

    private final Platform host;
    private final CommandRunner runner;

    @Inject
    public WindowsTrust(PlatformDetector detector, CommandRunner runner) {
        this(detector.detect(), runner);
    }

    public WindowsTrust(Platform host, CommandRunner runner) {
        this.host = Objects.requireNonNull(host, "host");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public TrustReport check(Path binary) {
        List<Finding> findings = new ArrayList<>();
        if (!Files.isRegularFile(binary)) {
            return new TrustReport(binary, List.of(new Finding(Severity.ERROR, "no such file")), List.of());
        }
        try {
            machine(binary, findings);
        } catch (IOException e) {
            findings.add(new Finding(Severity.ERROR, "cannot read it: " + e.getMessage()));
        }
        try {
            if (marked(binary)) {
                findings.add(new Finding(Severity.WARNING, "marked as downloaded (Zone.Identifier); SmartScreen may block it"));
            }
        } catch (CommandRunException e) {
            findings.add(new Finding(Severity.WARNING, "cannot check the Zone.Identifier stream: " + e.getMessage()));
        }
        return new TrustReport(binary, findings, List.of());
    }

    @Override
    public TrustReport prepare(Path binary) {
        List<Finding> findings = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        try {
            if (Files.isRegularFile(binary) && marked(binary)) {
                List<String> unblock = powershell("Unblock-File -LiteralPath " + quote(binary));
                CommandRunner.Result r = runner.run(unblock, TIMEOUT);
                if (r.ok()) {
                    actions.add("Unblock-File -LiteralPath " + quote(binary));
                } else {
                    findings.add(new Finding(Severity.ERROR, "Unblock-File failed: " + DarwinTrust.firstLine(r)));
                }
            }
        } catch (CommandRunException e) {
            findings.add(new Finding(Severity.ERROR, e.getMessage()));
        }
        return new TrustReport(binary, findings, actions).and(check(binary));
    }

    private boolean marked(Path binary) {
        String script = "if (Get-Item -LiteralPath " + quote(binary)
                + " -Stream Zone.Identifier -ErrorAction SilentlyContinue) { exit " + MARKED + " } else { exit 0 }";
        return runner.run(powershell(script), TIMEOUT).exitCode() == MARKED;
    }

    private void machine(Path binary, List<Finding> findings) throws IOException {
        byte[] head = ExecutableFormat.head(binary, 4096);
        if (ExecutableFormat.isScript(head)) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int pe = head.length >= 0x40 && head[0] == 'M' && head[1] == 'Z' ? b.getInt(0x3c) : -1;
        if (pe < 0 || pe > head.length - 6 || b.getInt(pe) != 0x00004550) {
            findings.add(new Finding(Severity.ERROR, "not a Windows executable: " + ExecutableFormat.describe(head)));
            return;
        }
        String built = MACHINES.getOrDefault(Short.toUnsignedInt(b.getShort(pe + 4)), "machine 0x"
                + Integer.toHexString(Short.toUnsignedInt(b.getShort(pe + 4))));
        if (!built.equals(host.arch())) {
            boolean emulated = "arm64".equals(host.arch()) && ("amd64".equals(built) || "386".equals(built));
            boolean wow64 = "amd64".equals(host.arch()) && "386".equals(built);
            findings.add(new Finding(emulated || wow64 ? Severity.INFO : Severity.ERROR,
                    "built for " + built + ", this machine is " + host.arch() + (emulated ? " (runs emulated)" : "")));
        }
    }

    /** PowerShell single-quoted string: the only escape is a doubled quote. */
    static String quote(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    static List<String> powershell(String script) {
        return List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script);
    }
}
