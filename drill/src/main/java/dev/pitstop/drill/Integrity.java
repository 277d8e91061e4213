package dev.pitstop.drill;

import dev.pitstop.core.stack.DrillSpec;
import dev.pitstop.drill.nats.JetStreamCheck;
import dev.pitstop.drill.nats.JetStreamCounts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code drill:} section at work around the other phases: {@code inject} and the JetStream publisher run from
 * {@link #start} to {@link #finish}, {@code probe} runs before and after each reload, {@code check} at the end.
 */
class Integrity {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(60);
    /** How long the JetStream publisher may take to get an ack through once a reload is done. */
    static final Duration ACK_AGAIN_TIMEOUT = Duration.ofSeconds(15);

    private final DrillSpec spec;
    private final ShellCommand shell;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private Process inject;
    private JetStreamCheck nats;
    private final List<Long> ackAgainMs = new ArrayList<>();
    private int probes;
    private int probeFailures;

    Integrity(DrillSpec spec, ShellCommand shell) {
        this.spec = spec;
        this.shell = shell;
    }

    /** For a drill without the integrity phase: does nothing. */
    static Integrity none() {
        return new Integrity(DrillSpec.NONE, null);
    }

    Map<String, Object> figures() {
        return figures;
    }

    void start(PhaseRecorder phase) {
        if (spec.inject() != null) {
            phase.step("start inject", step -> {
                inject = shell.start(spec.inject(), "inject.log");
                step.check("inject runs", inject.isAlive(), "pid " + inject.pid());
            });
        }
        if (spec.nats() != null) {
            phase.step("start JetStream publisher", step -> {
                try {
                    nats = JetStreamCheck.start(spec.nats().url(), spec.nats().stream(), spec.nats().subject());
                    step.check("connected", true, spec.nats().url() + ", stream " + spec.nats().stream());
                } catch (IOException e) {
                    step.check("connected", false, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    step.check("connected", false, "interrupted");
                }
            });
        }
    }

    void beforeReload(Step step) {
        probe(step, "before");
    }

    /**
     * The probe, then, with the JetStream check on, a wait until the publisher gets an ack through again: the time
     * its clients are cut off beyond the reload itself. Waiting also keeps back-to-back reloads from starving
     * the publisher, which would make "nothing lost" hold trivially.
     */
    void afterReload(Step step) {
        probe(step, "after");
        if (nats != null) {
            long before = nats.acked();
            long started = System.nanoTime();
            boolean through = DrillContext.until(() -> nats.acked() > before, ACK_AGAIN_TIMEOUT);
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (through) {
                ackAgainMs.add(ms);
            }
            step.check("JetStream publisher acked again", through, through ? "after " + ms + " ms"
                    : "no ack within " + ACK_AGAIN_TIMEOUT.toSeconds() + " s");
        }
    }

    private void probe(Step step, String when) {
        if (spec.probe() == null) {
            return;
        }
        ShellCommand.Result r = shell.run(spec.probe(), "probe.log", PROBE_TIMEOUT);
        probes++;
        probeFailures += r.ok() ? 0 : 1;
        step.check("probe " + when, r.ok(), r.describe());
    }

    void finish(PhaseRecorder phase) {
        if (inject != null) {
            phase.step("stop inject", step -> {
                boolean alive = inject.isAlive();
                step.check("inject ran throughout", alive, alive ? "running" : "exited " + inject.exitValue());
                stopQuietly(inject);
            });
        }
        if (spec.probe() != null) {
            phase.step("probes", step -> step.check("every probe passed", probeFailures == 0,
                    probeFailures + " of " + probes + " failed"));
            figures.put("probes", probes);
        }
        if (spec.check() != null) {
            phase.step("check", step -> {
                ShellCommand.Result r = shell.run(spec.check(), "check.log", PROBE_TIMEOUT);
                step.check("check passed", r.ok(), r.describe());
            });
        }
        if (nats != null) {
            phase.step("JetStream: acked vs stored vs consumed", this::countNats);
        }
        if (spec.isEmpty()) {
            phase.skip("the stack file has no drill: section");
        }
    }

    private void countNats(Step step) {
        try (JetStreamCheck check = nats) {
            JetStreamCounts c = check.finish(READ_BACK_TIMEOUT);
            figures.put("acked", c.acked());
            figures.put("stored", c.stored());
            figures.put("consumed", c.consumed());
            figures.put("lost", c.lost());
            figures.put("duplicated", c.duplicated());
            figures.put("max_gap_ms", c.maxGapMs());
            figures.put("retries", c.retries());
            figures.put("reconnects", c.reconnects());
            figures.put("ack_again_p50_ms", Stats.percentile(ackAgainMs, 50));
            figures.put("ack_again_p95_ms", Stats.percentile(ackAgainMs, 95));
            figures.forEach(step::fact);
            step.check("messages published", c.acked() > 0, c.acked() + " acked");
            step.check("no acked message lost", c.lost() == 0, c.lost() + " lost");
            step.check("no message stored twice", c.duplicated() == 0, c.duplicated() + " duplicated, "
                    + c.dedupedRetries() + " retries deduplicated by the server");
            step.check("consumed = stored", c.consumed() == c.stored(), c.consumed() + " consumed, " + c.stored()
                    + " stored");
            step.check("stored >= acked", c.stored() >= c.acked(), c.stored() + " stored, " + c.acked() + " acked");
        } catch (IOException e) {
            step.check("counted", false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.check("counted", false, "interrupted");
        } finally {
            nats = null;
        }
    }

    /** Stops what still runs (a drill that ended early). */
    void close() {
        if (inject != null) {
            stopQuietly(inject);
        }
        if (nats != null) {
            try {
                nats.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void stopQuietly(Process p) {
        try {
            ShellCommand.stop(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
