package dev.pitstop.core.engine;

import dev.pitstop.core.PollResult;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.PollApply;
import dev.pitstop.core.stack.Stack;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poll: 10m} for a running engine: one named thread checks each such binary's source at its interval
 * (jittered by up to a tenth, so that stacks started together do not poll together), one check at a time. A
 * change is applied as {@code poll_apply:} says: swapped in (health-gated) or recorded as candidate. Failures
 * are events and are retried at the next interval; they never stop the stack.
 */
final class PolledBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(PolledBinaries.class);

    private final Supervisor supervisor;
    private final Supplier<Stack> stack;
    private final BiFunction<Stack, String, PollResult> check;
    private final Consumer<String> swap;
    private final Consumer<String> record;
    private ScheduledExecutorService executor;

    /**
     * @param swap fetches or builds the binary and swaps it in
     * @param record fetches or builds the binary and records it as candidate
     */
    PolledBinaries(Supervisor supervisor, Supplier<Stack> stack, BiFunction<Stack, String, PollResult> check,
                   Consumer<String> swap, Consumer<String> record) {
        this.supervisor = supervisor;
        this.stack = stack;
        this.check = check;
        this.swap = swap;
        this.record = record;
    }

    synchronized void start(Stack running) {
        if (executor != null || running.binaries().values().stream().noneMatch(b -> b.poll() != null)) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pitstop-poll-" + running.directory().getFileName());
            t.setDaemon(true);
            return t;
        });
        for (BinarySpec b : running.binaries().values()) {
            if (b.poll() != null) {
                schedule(b.name(), b.poll());
            }
        }
    }

    private void schedule(String name, Duration every) {
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, every.toMillis() / 10));
        executor.schedule(() -> pollOnce(name), every.toMillis() + jitter, TimeUnit.MILLISECONDS);
    }

    private void pollOnce(String name) {
        Stack now = stack.get();
        BinarySpec spec = now.binaries().get(name);
        if (spec == null || spec.poll() == null) {
            return; // dropped from the stack file by an apply
        }
        try {
            PollResult result = check.apply(now, name);
            if (result.status() == PollResult.Status.ERROR) {
                supervisor.publish(EventType.WARNING, name, "poll failed, retried in " + spec.poll() + ": "
                        + result.error());
            } else if (result.status() == PollResult.Status.BAD) {
                LOG.info("{}: upstream offers {}, which was marked bad; not applied", name, result.latest());
            } else if (result.changed()) {
                supervisor.publish(EventType.UPSTREAM_CHANGED, name, "poll found " + result.latest() + " (current "
                        + result.current() + "); " + (spec.pollApply() == PollApply.SWAP ? "swapping it in" : "recording it"));
                (spec.pollApply() == PollApply.SWAP ? swap : record).accept(name);
            }
        } catch (RuntimeException e) {
            supervisor.publish(EventType.WARNING, name, "poll of " + name + " failed, retried in " + spec.poll()
                    + ": " + e.getMessage());
            LOG.warn("{}: poll failed", name, e);
        } finally {
            synchronized (this) {
                if (executor != null) {
                    schedule(name, spec.poll());
                }
            }
        }
    }

    /** Stops polling and waits (bounded) for a check or swap under way. */
    void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = executor;
            executor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            if (!stopping.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a poll was still running 30 s after the stack stopped polling");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
