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
}
