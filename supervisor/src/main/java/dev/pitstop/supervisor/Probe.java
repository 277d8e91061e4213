package dev.pitstop.supervisor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One probe attempt, asynchronous so that hundreds of probes share a couple of threads. */
@FunctionalInterface
interface Probe {
    /** Completes with true on success; false (never exceptionally) on failure or when {@code timeout} passes. */
    CompletableFuture<Boolean> attempt(Duration timeout);
}
