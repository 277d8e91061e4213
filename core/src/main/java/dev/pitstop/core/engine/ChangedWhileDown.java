package dev.pitstop.core.engine;

import dev.pitstop.core.NotReadyException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * At {@code up}: {@code file:} binaries whose path got new bytes while the stack was down. The stack starts on the
 * recorded versions; once it is ready, each new file goes through the same health-gated swap as a watched change,
 * on a thread of its own, so a broken build is rolled back instead of being the only version that runs.
 */
final class ChangedWhileDown implements AutoCloseable {
    private static final long JOIN_SECONDS = 120;

    private final List<String> binaries;
    private final Duration readyWithin;
    private final ReadinessWait readiness;
    private final Consumer<String> apply;
    private final BiConsumer<String, String> warn;
    private final Thread thread;
    private boolean waiting = true;

    /**
     * @param apply swaps in the file of one binary (a watched change's handler)
     * @param warn publishes a warning for one binary
     */
    ChangedWhileDown(String threadName, List<String> binaries, Duration readyWithin, ReadinessWait readiness,
                     Consumer<String> apply, BiConsumer<String, String> warn) {
        this.binaries = List.copyOf(binaries);
        this.readyWithin = readyWithin;
        this.readiness = readiness;
        this.apply = apply;
        this.warn = warn;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            readiness.await(readyWithin);
        } catch (NotReadyException e) {
            binaries.forEach(b -> warn.accept(b, "the file changed while the stack was down and is not applied, "
                    + "because the stack is not ready (" + e.getMessage() + "); `pitstop reload` applies it"));
            return;
        } catch (InterruptedException e) {
            return; // down() came first
        } finally {
            synchronized (this) {
                waiting = false;
            }
        }
        binaries.forEach(apply);
    }

    /** Ends the wait for readiness; a swap already under way is finished (bounded), not cut off. */
    @Override
    public void close() {
        synchronized (this) {
            if (waiting) {
                thread.interrupt();
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
