package dev.pitstop.core.trust;

import dev.pitstop.core.PitstopException;
import java.util.stream.Collectors;

/** A binary cannot run on this machine: wrong CPU, missing loader, {@code noexec} mount, no execute bit, … */
public final class BinaryNotRunnableException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final transient TrustReport report;

    public BinaryNotRunnableException(TrustReport report) {
        super(report.binary() + ": " + report.errors().stream().map(TrustReport.Finding::message)
                .collect(Collectors.joining("; ")));
        this.report = report;
    }

    public TrustReport report() {
        return report;
    }
}
