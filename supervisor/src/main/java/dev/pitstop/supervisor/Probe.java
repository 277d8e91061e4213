package dev.pitstop.supervisor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One probe attempt, asynchronous so that hundreds of probes share a couple of threads. */
@FunctionalInterface
interface Probe {
    /** Completes with the outcome (never exceptionally), a failure also when {@code timeout} passes. */
    CompletableFuture<Outcome> attempt(Duration timeout);

    /**
     * @param failure why the attempt failed, one line; {@code null} when it passed
     */
    record Outcome(String failure) {
        static final Outcome PASSED = new Outcome(null);

        static Outcome failed(String why) {
            return new Outcome(why);
        }

        boolean passed() {
            return failure == null;
        }
    }
}
