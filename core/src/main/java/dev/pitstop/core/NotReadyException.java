package dev.pitstop.core;

import dev.pitstop.core.process.ProcessStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack did not become ready ({@link Engine#awaitReady}): a process failed for good, or the deadline passed.
 * The message names each process that is not ready, its state, its probe's last error and its last log lines.
 */
public final class NotReadyException extends PitstopException {
    private static final long serialVersionUID = 1L;

    /**
     * One process that is not ready.
     *
     * @param probeError the last failure of its readiness probe, if it has one and it failed
     * @param lastLogLines the last lines it printed, oldest first
     */
    public record Laggard(ProcessStatus status, Optional<String> probeError, List<String> lastLogLines) {
        public Laggard {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(probeError, "probeError");
            lastLogLines = List.copyOf(lastLogLines);
        }

        String describe() {
            StringBuilder out = new StringBuilder(status.name()).append(" is ").append(status.state().label());
            if (status.exitCode() != null) {
                out.append(" (exit code ").append(status.exitCode()).append(')');
            }
            out.append(", health ").append(status.health().label());
            probeError.ifPresent(e -> out.append(", probe: ").append(e));
            if (!lastLogLines.isEmpty()) {
                out.append("; last log lines:");
                lastLogLines.forEach(l -> out.append("\n    ").append(l));
            }
            return out.toString();
        }
    }

    private final transient List<Laggard> laggards;

    /** @param waited how long was waited, or {@code null} when a process failed before the deadline */
    public NotReadyException(Duration waited, List<Laggard> laggards) {
        super(message(waited, laggards));
        this.laggards = List.copyOf(laggards);
    }

    /** The processes that are not ready, in stack order. */
    public List<Laggard> laggards() {
        return laggards;
    }

    private static String message(Duration waited, List<Laggard> laggards) {
        StringBuilder out = new StringBuilder(waited == null ? "the stack cannot become ready: "
                : "the stack is not ready after " + waited.toMillis() + " ms: ");
        for (int i = 0; i < laggards.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(laggards.get(i).describe());
        }
        return out.toString();
    }
}
