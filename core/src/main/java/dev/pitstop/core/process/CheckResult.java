package dev.pitstop.core.process;

import java.time.Duration;
import java.util.List;

/**
 * How a check command (a swap's {@code preflight}) ended.
 *
 * @param exitCode its exit code; {@code -1} if it was killed at the deadline
 * @param lastLines the last lines it printed (stdout and stderr together)
 */
public record CheckResult(int exitCode, List<String> lastLines, Duration took, boolean timedOut) {
    public CheckResult {
        lastLines = List.copyOf(lastLines);
    }

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** One line for events and the manifest's history. */
    public String summary() {
        String outcome = timedOut ? "did not finish within " + took.toMillis() + " ms"
                : "exited " + exitCode + " after " + took.toMillis() + " ms";
        return outcome + (lastLines.isEmpty() ? "" : ": " + lastLines.get(lastLines.size() - 1));
    }
}
