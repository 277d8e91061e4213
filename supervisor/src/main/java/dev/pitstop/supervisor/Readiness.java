package dev.pitstop.supervisor;

import dev.pitstop.core.stack.ProbeSpec;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The readiness strategies, one factory method each (like Testcontainers' {@code Wait}): a probe (exec, http_get,
 * tcp), a line of output, or surviving a window.
 */
final class Readiness {
    private Readiness() {}

    private record Check(boolean reportsHealth, BiFunction<Run, Consumer<Boolean>, AutoCloseable> starter)
            implements ReadinessCheck {
        @Override
        public AutoCloseable start(Run run, Consumer<Boolean> onChange) {
            return starter.apply(run, onChange);
        }
    }

    /** Ready while the probe passes its thresholds; fast attempts until the first success (see {@link ProbeRunner}). */
    static ReadinessCheck probe(ProbeSpec spec, Supplier<Probe> probe, ScheduledExecutorService scheduler) {
        return new Check(true, (run, onChange) -> {
            ProbeRunner runner = new ProbeRunner(spec, probe.get(), scheduler, ProbeRunner.READINESS_STARTUP_PERIOD,
                    onChange);
            runner.start();
            return runner;
        });
    }

    /** Ready from the first output line in which {@code pattern} is found ({@code ready_log_line}). */
    static ReadinessCheck logLine(Pattern pattern) {
        return new Check(true, (run, onChange) -> {
            boolean[] seen = {false}; // lines arrive one at a time on the run's pump thread
            return run.onLine(line -> {
                if (!seen[0] && pattern.matcher(line).find()) {
                    seen[0] = true;
                    onChange.accept(true);
                }
            });
        });
    }

    /**
     * Ready when the run announces it ({@code READY=1}, a newline on its notification descriptor), not ready again
     * after {@code RELOADING=1} or {@code STOPPING=1}; the channel closes with the run.
     */
    static ReadinessCheck notified() {
        return new Check(true, (run, onChange) -> {
            run.notification.onReadiness(onChange);
            return () -> { };
        });
    }

    /** Ready once the run stayed up for {@code window} (no probe, no log line); shows no health. */
    static ReadinessCheck survival(Duration window, ScheduledExecutorService scheduler) {
        return new Check(false, (run, onChange) -> {
            ScheduledFuture<?> timer = scheduler.schedule(() -> onChange.accept(true), window.toMillis(),
                    TimeUnit.MILLISECONDS);
            return () -> timer.cancel(false);
        });
    }
}
