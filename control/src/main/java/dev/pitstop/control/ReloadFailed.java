package dev.pitstop.control;

import dev.pitstop.core.process.ReloadFailedException;
import java.util.List;

/**
 * A reload whose new process did not become ready.
 *
 * @param exitCode the new process's exit code if it exited, else {@code null}
 */
public record ReloadFailed(String name, boolean ok, String error, Integer exitCode, List<String> lastLogLines)
        implements ReloadOutcome {
    public ReloadFailed {
        lastLogLines = lastLogLines == null ? List.of() : List.copyOf(lastLogLines);
    }

    public static ReloadFailed of(ReloadFailedException e) {
        return new ReloadFailed(e.process(), false, e.getMessage(), e.exitCode(), e.lastLogLines());
    }

    /** A reload refused before anything was stopped (an unknown name, a stack going down). */
    public static ReloadFailed refused(String name, String why) {
        return new ReloadFailed(name, false, why, null, List.of());
    }
}
