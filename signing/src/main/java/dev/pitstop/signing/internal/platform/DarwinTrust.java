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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * macOS: the quarantine flag browsers and curl-less downloads set, and code signatures, without which
 * Apple-silicon Macs kill a binary at launch. {@link #prepare} removes the flag and signs arm64 binaries ad hoc
 * ({@code codesign --force --sign -}), which rewrites the file: hash it for the store afterwards.
 */
public final class DarwinTrust implements PlatformTrust {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String QUARANTINE = "com.apple.quarantine";

    private final Platform host;
    private final CommandRunner runner;

    @Inject
    public DarwinTrust(PlatformDetector detector, CommandRunner runner) {
        this(detector.detect(), runner);
    }

    public DarwinTrust(Platform host, CommandRunner runner) {
        this.host = Objects.requireNonNull(host, "host");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public TrustReport check(Path binary) {
        List<Finding> findings = new ArrayList<>();
        try {
            if (!Files.isRegularFile(binary)) {
                return new TrustReport(binary, List.of(new Finding(Severity.ERROR, "no such file")), List.of());
            }
            PosixModes.check(binary).ifPresent(findings::add);
            if (ExecutableFormat.isScript(ExecutableFormat.head(binary, 2))) {
                return new TrustReport(binary, findings, List.of());
            }
            Optional<MachOHeader.Slice> slice = runnableSlice(binary, findings);
            if (slice.isEmpty()) {
                return new TrustReport(binary, findings, List.of());
            }
            if (run(List.of("xattr", "-p", QUARANTINE, binary.toString()), findings).map(CommandRunner.Result::ok).orElse(false)) {
                findings.add(new Finding(Severity.WARNING, "quarantined (" + QUARANTINE + "); Gatekeeper may block it"));
            }
            if (slice.get().cpuType() == MachOHeader.CPU_ARM64) {
                signatureProblem(binary, slice.get(), findings).ifPresent(findings::add);
            }
            gatekeeper(binary, findings);
        } catch (IOException e) {
            findings.add(new Finding(Severity.ERROR, "cannot read it: " + e.getMessage()));
        }
        return new TrustReport(binary, findings, List.of());
    }

    @Override
    public TrustReport prepare(Path binary) {
        if (!Files.isRegularFile(binary)) {
            return check(binary);
        }
        List<Finding> findings = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        try {
            PosixModes.prepare(binary).ifPresent(actions::add);
            if (!ExecutableFormat.isScript(ExecutableFormat.head(binary, 2))) {
                removeQuarantine(binary, findings, actions);
                Optional<MachOHeader.Slice> slice = runnableSlice(binary, new ArrayList<>());
                if (slice.isPresent() && slice.get().cpuType() == MachOHeader.CPU_ARM64
                        && signatureProblem(binary, slice.get(), new ArrayList<>()).isPresent()) {
                    List<String> sign = List.of("codesign", "--force", "--sign", "-", binary.toString());
                    Optional<CommandRunner.Result> signed = run(sign, findings);
                    if (signed.isPresent() && signed.get().ok()) {
                        actions.add(String.join(" ", sign));
                        run(List.of("codesign", "--verify", binary.toString()), findings).filter(r -> !r.ok())
                                .ifPresent(r -> findings.add(new Finding(Severity.ERROR,
                                        "code signature still invalid after ad-hoc signing: " + firstLine(r))));
                    } else {
                        signed.ifPresent(r -> findings.add(new Finding(Severity.ERROR,
                                "ad-hoc signing failed: " + firstLine(r))));
                    }
                }
            }
        } catch (IOException e) {
            findings.add(new Finding(Severity.ERROR, "cannot prepare it: " + e.getMessage()));
        }
        return new TrustReport(binary, findings, actions).and(check(binary));
    }

    private void removeQuarantine(Path binary, List<Finding> findings, List<String> actions) {
        List<String> argv = List.of("xattr", "-d", QUARANTINE, binary.toString());
        run(argv, findings).ifPresent(r -> {
            if (r.ok()) {
                actions.add(String.join(" ", argv));
            } else if (!(r.stderr() + r.stdout()).contains("No such xattr")) {
                findings.add(new Finding(Severity.ERROR, "cannot remove the quarantine flag: " + firstLine(r)));
            }
        });
    }

    /** The slice macOS will run here, or empty with an error finding if none can run. */
    private Optional<MachOHeader.Slice> runnableSlice(Path binary, List<Finding> findings) throws IOException {
        MachOHeader header;
        try {
            header = MachOHeader.read(binary);
        } catch (IOException e) {
            if (!MachOHeader.isMachO(ExecutableFormat.head(binary, 8))) {
                findings.add(new Finding(Severity.ERROR,
                        "not a macOS executable: " + ExecutableFormat.describe(ExecutableFormat.head(binary, 8))));
            } else {
                findings.add(new Finding(Severity.ERROR, "broken Mach-O file: " + e.getMessage()));
            }
            return Optional.empty();
        }
        int want = "arm64".equals(host.arch()) ? MachOHeader.CPU_ARM64 : MachOHeader.CPU_X86_64;
        Optional<MachOHeader.Slice> exact = header.slices().stream().filter(s -> s.cpuType() == want).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Optional<MachOHeader.Slice> intel = header.slices().stream()
                .filter(s -> s.cpuType() == MachOHeader.CPU_X86_64).findFirst();
        if (want == MachOHeader.CPU_ARM64 && intel.isPresent()) {
            findings.add(new Finding(Severity.WARNING, "built for x86_64 only; runs under Rosetta 2 if it is installed"));
            return intel;
        }
        findings.add(new Finding(Severity.ERROR, "built for " + header.slices().stream().map(MachOHeader.Slice::cpuName)
                .reduce((a, b) -> a + ", " + b).orElse("nothing") + ", this Mac is " + MachOHeader.cpuName(want)));
        return Optional.empty();
    }

    private Optional<Finding> signatureProblem(Path binary, MachOHeader.Slice slice, List<Finding> findings) {
        if (!slice.codeSignature()) {
            return Optional.of(new Finding(Severity.ERROR, "the arm64 code has no signature; macOS kills it at launch "
                    + "(sign it: codesign --force --sign - FILE)"));
        }
        return run(List.of("codesign", "--verify", binary.toString()), findings).filter(r -> !r.ok())
                .map(r -> new Finding(Severity.ERROR, "invalid code signature: " + firstLine(r)));
    }

    private void gatekeeper(Path binary, List<Finding> findings) {
        run(List.of("spctl", "--assess", "--type", "execute", binary.toString()), findings).ifPresent(r ->
                findings.add(r.ok()
                        ? new Finding(Severity.INFO, "Gatekeeper (spctl) accepts it")
                        : new Finding(Severity.WARNING, "Gatekeeper (spctl) rejects it: " + firstLine(r)
                                + "; without the quarantine flag this does not stop a program started from a shell")));
    }

    private Optional<CommandRunner.Result> run(List<String> argv, List<Finding> findings) {
        try {
            return Optional.of(runner.run(argv, TIMEOUT));
        } catch (CommandRunException e) {
            findings.add(new Finding(Severity.ERROR, e.getMessage()));
            return Optional.empty();
        }
    }

    static String firstLine(CommandRunner.Result r) {
        String text = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
        String line = text.lines().findFirst().orElse("");
        return line.isEmpty() ? "exit code " + r.exitCode() : line;
    }
}
