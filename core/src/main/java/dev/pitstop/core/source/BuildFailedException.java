package dev.pitstop.core.source;

import java.nio.file.Path;
import java.util.List;

/** A source build exited with an error or did not write its output; nothing was stored or recorded. */
public class BuildFailedException extends FetchException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final List<String> lastLines;
    private final transient Path log;

    /**
     * @param exitCode the build's exit code, or {@code -1} when it was stopped (timeout, interrupt)
     * @param lastLines the last lines of its output, oldest first
     */
    public BuildFailedException(String binary, String why, int exitCode, List<String> lastLines, Path log) {
        super(binary + ": build failed: " + why + (lastLines.isEmpty() ? "" : "; last output: "
                + String.join(" | ", lastLines)) + (log == null ? "" : "; log: " + log));
        this.exitCode = exitCode;
        this.lastLines = List.copyOf(lastLines);
        this.log = log;
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> lastLines() {
        return lastLines;
    }

    public Path log() {
        return log;
    }
}
