package dev.pitstop.core.trust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of {@link PlatformTrust#check} or {@link PlatformTrust#prepare}.
 *
 * @param findings what was found, in the order checked
 * @param actions the changes made on disk, as a user could repeat them by hand ({@code chmod 0755 FILE});
 *                the manifest records them as the binary's trust steps
 */
public record TrustReport(Path binary, List<Finding> findings, List<String> actions) {

    /** How much a finding matters: only {@link #ERROR} keeps a binary from running. */
    public enum Severity { INFO, WARNING, ERROR }

    public record Finding(Severity severity, String message) {
        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
        }
    }

    public TrustReport {
        Objects.requireNonNull(binary, "binary");
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
    }

    /** Whether nothing found stands in the way of running the binary. */
    public boolean runnable() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).collect(Collectors.toList());
    }

    /** @throws BinaryNotRunnableException naming the binary and every error, if it is not {@link #runnable()} */
    public TrustReport requireRunnable() {
        if (!runnable()) {
            throw new BinaryNotRunnableException(this);
        }
        return this;
    }

    /** A report that adds {@code other}'s findings and actions after this one's. */
    public TrustReport and(TrustReport other) {
        List<Finding> f = new ArrayList<>(findings);
        f.addAll(other.findings);
        List<String> a = new ArrayList<>(actions);
        a.addAll(other.actions);
        return new TrustReport(binary, f, a);
    }
}
