package dev.pitstop.supervisor;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * sd_notify's watchdog for one run ({@code watchdog_seconds}): armed when the run starts, as systemd arms it; each
 * {@code WATCHDOG=1} moves the deadline; a deadline that passes without one, or {@code WATCHDOG=trigger}, reports the
 * run as hung once. One timer per run, rescheduled only when it fires, not on every ping.
 */
final class Watchdog implements RunNotification.Watchdog, AutoCloseable {
    private final long intervalNanos;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> hung;
    private long lastPing = System.nanoTime();
    private ScheduledFuture<?> timer;
    private boolean done;

    /** @param hung gets why, once */
    Watchdog(Duration interval, ScheduledExecutorService scheduler, Consumer<String> hung) {
        this.intervalNanos = interval.toNanos();
        this.scheduler = scheduler;
        this.hung = hung;
    }

    synchronized Watchdog start() {
        timer = scheduler.schedule(this::due, intervalNanos, TimeUnit.NANOSECONDS);
        return this;
    }

    @Override
    public synchronized void ping() {
        lastPing = System.nanoTime();
    }

    @Override
    public void trigger() {
        fire("the process asked to be treated as hung (WATCHDOG=trigger)");
    }

    private void due() {
        synchronized (this) {
            long left = lastPing + intervalNanos - System.nanoTime();
            if (done) {
                return;
            }
            if (left > 0) {
                timer = scheduler.schedule(this::due, left, TimeUnit.NANOSECONDS);
                return;
            }
        }
        fire("watchdog: no WATCHDOG=1 within " + Duration.ofNanos(intervalNanos).toMillis() + " ms");
    }

    private void fire(String why) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }
        hung.accept(why);
    }

    @Override
    public synchronized void close() {
        done = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
