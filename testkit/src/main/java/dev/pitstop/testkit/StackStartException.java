package dev.pitstop.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * A stack the testkit started did not become ready; it was brought down again. The message carries the engine's
 * (each process that is not ready, its probe's last error and its last log lines) and names any leftover of an
 * earlier run that the supervisor had to stop first.
 */
public final class StackStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StackStartException(Path stackFile, Throwable cause, List<PitstopStack.Leftover> leftovers) {
        super("the stack " + stackFile + " did not start: " + cause.getMessage() + describe(leftovers), cause);
    }

    private static String describe(List<PitstopStack.Leftover> leftovers) {
        StringBuilder out = new StringBuilder();
        leftovers.forEach(l -> out.append("\n  (before it: ").append(l.process()).append(", ").append(l.detail()).append(')'));
        return out.toString();
    }
}
