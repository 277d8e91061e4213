package dev.pitstop.signing.internal.platform;

import dev.pitstop.core.Platform;
import dev.pitstop.core.trust.PlatformDetector;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.core.trust.TrustReport;
import dev.pitstop.core.trust.TrustReport.Finding;
import dev.pitstop.core.trust.TrustReport.Severity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Linux: execute bits, {@code noexec} mounts, the ELF machine type and the program loader, so that a binary
 * that cannot start is reported with its reason before any start is tried.
 */
public final class LinuxTrust implements PlatformTrust {
    private final Platform host;
    private final Path mountInfo;

    @Inject
    public LinuxTrust(PlatformDetector detector) {
        this(detector.detect(), Path.of("/proc/self/mountinfo"));
    }

    /**
     * @param host the machine binaries must run on
     * @param mountInfo normally {@code /proc/self/mountinfo}
     */
    public LinuxTrust(Platform host, Path mountInfo) {
        this.host = Objects.requireNonNull(host, "host");
        this.mountInfo = Objects.requireNonNull(mountInfo, "mountInfo");
    }

    @Override
    public TrustReport check(Path binary) {
        List<Finding> findings = new ArrayList<>();
        try {
            if (!Files.isRegularFile(binary)) {
                throw new NoSuchFileException(binary.toString());
            }
            PosixModes.check(binary).ifPresent(findings::add);
            noexecMount(binary).ifPresent(findings::add);
            findings.addAll(ExecutableFormat.linux(binary, host));
        } catch (NoSuchFileException e) {
            findings.add(new Finding(Severity.ERROR, "no such file"));
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
        List<String> actions = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try {
            PosixModes.prepare(binary).ifPresent(actions::add);
        } catch (IOException e) {
            findings.add(new Finding(Severity.ERROR, "cannot add execute bits: " + e.getMessage()));
        }
        return new TrustReport(binary, findings, actions).and(check(binary));
    }

    private java.util.Optional<Finding> noexecMount(Path binary) throws IOException {
        if (!Files.isReadable(mountInfo)) {
            return java.util.Optional.empty();
        }
        Path real = binary.toRealPath();
        return MountTable.parse(Files.readString(mountInfo)).find(real)
                .filter(MountTable.Mount::noexec)
                .map(m -> new Finding(Severity.ERROR, "lies on " + m.mountPoint() + ", which is mounted noexec, so "
                        + "nothing there can be executed; set PITSTOP_HOME to a folder on another file system"));
    }
}
