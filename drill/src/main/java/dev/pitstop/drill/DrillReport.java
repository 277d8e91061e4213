package dev.pitstop.drill;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pitstop.control.Verified;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one drill found: passed only when every check of every step held.
 *
 * @param stack the stack file
 * @param phases {@code before}, the phases run (skipped ones with their reason), {@code after}
 * @param snapshotDiff one line per process that changed between the snapshot before and the one after
 * @param figures the numbers worth a table: reload times, leak figures, integrity counts, keyed by phase
 */
public record DrillReport(String stack, Instant startedAt, Instant finishedAt, List<PhaseResult> phases,
                          Verified verifyBefore, Verified verifyAfter, List<String> snapshotDiff,
                          Map<String, Map<String, Object>> figures) {
    public DrillReport {
        phases = List.copyOf(phases);
        snapshotDiff = List.copyOf(snapshotDiff);
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    }

    @JsonProperty("ok")
    public boolean ok() {
        return phases.stream().allMatch(PhaseResult::ok);
    }

    @JsonProperty("failedChecks")
    public long failedChecks() {
        return phases.stream().flatMap(p -> p.steps().stream()).flatMap(s -> s.checks().stream())
                .filter(c -> !c.ok()).count();
    }

    /** One phase: its steps, or the reason it was skipped. */
    public record PhaseResult(String name, List<StepResult> steps, String skipped) {
        public PhaseResult {
            steps = List.copyOf(steps);
        }

        @JsonProperty("ok")
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }
    }

    /** One step (a reload, a candidate, a round): its checks and the facts it measured. */
    public record StepResult(String name, long tookMs, List<Check> checks, Map<String, Object> facts) {
        public StepResult {
            checks = List.copyOf(checks);
            facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        }

        @JsonProperty("ok")
        public boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    /** One thing that must hold, whether it did, and what was seen. */
    public record Check(String name, boolean ok, String detail) {}
}
