package dev.pitstop.core;

import dev.pitstop.core.process.ReloadFailedException;
import java.util.List;

/**
 * A new binary version did not become ready; the previous one was put back. The candidate is marked bad in
 * the manifest (for a swap) so that no poll applies it again.
 */
public final class SwapFailedException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final String binary;
    private final String candidate;
    private final String restored;
    private final transient ReloadFailedException failure;

    /**
     * @param restored the version running again, or {@code null} if nothing could be restored
     * @param restoreProblem why restoring failed too, or {@code null}
     */
    public SwapFailedException(String binary, String candidate, String restored, ReloadFailedException failure,
                               String restoreProblem) {
        super(binary + ": " + candidate + " failed: " + failure.getMessage() + "; "
                + (restored == null ? "no earlier version to go back to"
                : restoreProblem == null ? "rolled back to " + restored
                : "rolling back to " + restored + " failed too: " + restoreProblem), failure);
        this.binary = binary;
        this.candidate = candidate;
        this.restored = restored;
        this.failure = failure;
    }

    public String binary() { return binary; }
    public String candidate() { return candidate; }
    /** The version running again, or {@code null}. */
    public String restored() { return restored; }
    public Integer exitCode() { return failure.exitCode(); }
    public List<String> lastLogLines() { return failure.lastLogLines(); }
}
