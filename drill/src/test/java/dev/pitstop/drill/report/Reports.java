package dev.pitstop.drill.report;

import dev.pitstop.control.Verified;
import dev.pitstop.drill.DrillReport;
import dev.pitstop.drill.DrillReport.Check;
import dev.pitstop.drill.DrillReport.PhaseResult;
import dev.pitstop.drill.DrillReport.StepResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A report with a passed phase, a failed step (with characters XML must escape) and a skipped phase. */
final class Reports {
    private Reports() {}

    static DrillReport sample() {
        StepResult passed = new StepResult("reload nats", 412, List.of(new Check("new pid", true, "4242 \u2192 5151")),
                Map.of("ready_ms", 398L));
        StepResult failed = new StepResult("nats: truncated <&> \"x\"", 1200,
                List.of(new Check("rolled back", true, "exit 126"),
                        new Check("bad bytes not in .pitstop/bin", false, "[.pitstop/bin/nats] & <more>")),
                Map.of());
        return new DrillReport("/srv/stack/pitstop.yaml", Instant.parse("2026-11-29T12:00:00Z"),
                Instant.parse("2026-11-29T12:01:30Z"),
                List.of(new PhaseResult("single", List.of(passed), null),
                        new PhaseResult("failure", List.of(failed), null),
                        new PhaseResult("cascade", List.of(), "no running process has dependents")),
                new Verified(true, 3, List.of()), new Verified(true, 3, List.of()),
                List.of("nats: restarted (pid 4242 \u2192 5151)"), Map.of("rapid", Map.of("p50_ms", 390L)));
    }
}
