package dev.pitstop.control;

import dev.pitstop.core.SwapFailedException;
import java.util.List;

/**
 * A candidate that did not become ready, and what happened next.
 *
 * @param error the whole message
 * @param reason why the candidate failed
 * @param restored the version running again, or {@code null} if none could be
 * @param outcome what happened next: {@code rolled back to …}, or why nothing could be restored
 */
public record SwapFailed(String binary, boolean ok, String error, String candidate, String reason, String restored,
                         String outcome, Integer exitCode, List<String> lastLogLines) implements SwapOutcome {
    public SwapFailed {
        lastLogLines = lastLogLines == null ? List.of() : List.copyOf(lastLogLines);
    }

    public static SwapFailed of(SwapFailedException e) {
        String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        String prefix = e.binary() + ": " + e.candidate() + " failed: " + reason + "; ";
        String outcome = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                : e.restored() == null ? "no earlier version to go back to" : "rolled back to " + e.restored();
        return new SwapFailed(e.binary(), false, e.getMessage(), e.candidate(), reason, e.restored(), outcome,
                e.exitCode(), e.lastLogLines());
    }
}
