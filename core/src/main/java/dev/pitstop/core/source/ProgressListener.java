package dev.pitstop.core.source;

/** Hears how far a download got. Called on the downloading thread; keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param bytesSoFar bytes received so far (including any resumed part)
     * @param totalBytes the full size, or {@code -1} when the server did not say
     */
    void progress(long bytesSoFar, long totalBytes);

    /**
     * A step that is not a download, for a progress line: the engine reports {@code fetching} before it asks the
     * source, then {@code done}, {@code reused} (a stored build with the same inputs) or {@code failed}; a source
     * that builds reports {@code checking out} and {@code building}, the latter again with each line of the build's
     * output as {@code detail}.
     *
     * @param detail what the step is about or its latest output line, or {@code null}
     */
    default void stage(String stage, String detail) {
    }
}
