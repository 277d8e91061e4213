package dev.pitstop.core.source;

/**
 * Where the engine reports download progress: one {@link ProgressListener} per binary fetched. The default
 * reports nothing; a terminal program binds one that draws a progress bar.
 */
@FunctionalInterface
public interface FetchProgress {
    FetchProgress NONE = binary -> ProgressListener.NONE;

    /** A listener for the download of {@code binary}, called from the downloading thread. */
    ProgressListener start(String binary);
}
