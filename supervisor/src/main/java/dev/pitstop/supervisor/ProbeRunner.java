package dev.pitstop.supervisor;

import dev.pitstop.core.stack.ProbeSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one probe of one run on the shared scheduler: initial delay, then one attempt per period (counted from the
 * end of the previous attempt), and reports each crossing of the success or failure threshold exactly once.
 * A readiness probe that has never passed yet runs at a faster start-up period, so that a (re)started process
 * is seen ready within milliseconds rather than after a whole period; from its first success on, the
 * configured period applies (a Pitstop extension; Process Compose waits a full period). Failures count toward
 * {@code failure_threshold} at most once a period and at most once a second (Process Compose's periods are whole
 * seconds), so a process that is slow to start is given up on no sooner than under Process Compose.
 */
final class ProbeRunner implements AutoCloseable {
    /** Cadence of a readiness probe until its first success: fast, yet at most 20 attempts a second. */
    static final Duration READINESS_STARTUP_PERIOD = Duration.ofMillis(50);

    private final ProbeSpec spec;
    private final Probe probe;
    private final ScheduledExecutorService scheduler;
    private final Duration startupPeriod;
    private final Consumer<Boolean> onChange;
    private boolean everPassed;
    private Boolean passing;
    private int successes;
    private int failures;
    private long lastCountedFailure;
    private ScheduledFuture<?> next;
    private boolean closed;
    private volatile String lastFailure;

    /** @param startupPeriod the period until the first success, or {@code null} to use the configured one */
    ProbeRunner(ProbeSpec spec, Probe probe, ScheduledExecutorService scheduler, Duration startupPeriod,
                Consumer<Boolean> onChange) {
        this.spec = spec;
        this.probe = probe;
        this.scheduler = scheduler;
        this.startupPeriod = startupPeriod;
        this.onChange = onChange;
    }

    /** Starts a liveness probe: {@code failed} hears why once it failed {@code failure_threshold} times in a row. */
    static ProbeRunner liveness(ProbeSpec spec, Probe probe, ScheduledExecutorService scheduler,
                                Consumer<String> failed) {
        ProbeRunner runner = new ProbeRunner(spec, probe, scheduler, null, ok -> {
            if (!ok) {
                failed.accept("liveness probe failed " + spec.failureThreshold() + " times in a row");
            }
        });
        runner.start();
        return runner;
    }

    synchronized void start() {
        schedule(spec.initialDelay());
    }

    private void schedule(Duration delay) {
        if (!closed) {
            next = scheduler.schedule(this::attempt, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        Duration timeout = spec.timeout().toMillis() < 1 ? Duration.ofMillis(1) : spec.timeout();
        try {
            probe.attempt(timeout).whenComplete((outcome, e) -> record(outcome != null ? outcome
                    : Probe.Outcome.failed(String.valueOf(e))));
        } catch (RuntimeException e) {
            // e.g. a probe URL that does not parse: a failure, and the schedule goes on
            record(Probe.Outcome.failed(e.getMessage()));
        }
    }

    /** Why the last attempt failed, while the last attempt is a failure. */
    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void record(Probe.Outcome outcome) {
        boolean ok = outcome.passed();
        lastFailure = outcome.failure();
        Boolean changed = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (ok) {
                everPassed = true;
                failures = 0;
                successes++;
                if (!Boolean.TRUE.equals(passing) && successes >= Math.max(1, spec.successThreshold())) {
                    passing = changed = true;
                }
            } else {
                successes = 0;
                long now = System.nanoTime();
                long periodNanos = Math.max(Duration.ofSeconds(1).toNanos(), spec.period().toNanos());
                if (failures == 0 || now - lastCountedFailure >= periodNanos) {
                    failures++;
                    lastCountedFailure = now;
                }
                if (!Boolean.FALSE.equals(passing) && failures >= Math.max(1, spec.failureThreshold())) {
                    passing = changed = false;
                }
            }
            Duration period = spec.period();
            if (!everPassed && startupPeriod != null && startupPeriod.compareTo(period) < 0) {
                period = startupPeriod;
            }
            schedule(period);
        }
        if (changed != null) {
            onChange.accept(changed);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
