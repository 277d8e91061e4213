package dev.pitstop.core.process;

import dev.pitstop.core.PitstopException;
import java.util.List;

/** A new process did not become ready: it exited, could not start, or missed the deadline. */
public final class ReloadFailedException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final String process;
    private final Integer exitCode;
    private final List<String> lastLogLines;

    public ReloadFailedException(String process, String reason, Integer exitCode, List<String> lastLogLines) {
        super(process + ": " + reason + (exitCode == null ? "" : " (exit code " + exitCode + ")"));
        this.process = process;
        this.exitCode = exitCode;
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    public String process() { return process; }
    /** The exit code if the new process exited, else {@code null}. */
    public Integer exitCode() { return exitCode; }
    public List<String> lastLogLines() { return lastLogLines; }
}
