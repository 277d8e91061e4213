package dev.pitstop.supervisor.platform;

import java.util.concurrent.CompletableFuture;

/** A process started by {@link ProcessPlatform#spawn}; it leads its own session and process group. */
public interface Child {
    long pid();

    /**
     * Completes once the child was reaped, with its exit code (128 + the signal when a signal ended it); when its
     * output goes to a sink, what it wrote before it exited was handed to the sink first.
     */
    CompletableFuture<Integer> exit();
}
