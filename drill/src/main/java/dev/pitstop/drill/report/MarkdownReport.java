package dev.pitstop.drill.report;

import dev.pitstop.control.Verified;
import dev.pitstop.drill.DrillReport;
import dev.pitstop.drill.DrillReport.Check;
import dev.pitstop.drill.DrillReport.PhaseResult;
import dev.pitstop.drill.DrillReport.StepResult;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The report for people: a verdict, a table per phase, the figures, the snapshot diff. */
public final class MarkdownReport {
    public String render(DrillReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# pitstop drill: ").append(r.ok() ? "PASSED" : "FAILED").append("\n\n");
        md.append("- stack: `").append(r.stack()).append("`\n");
        md.append("- started: ").append(r.startedAt()).append(", took ")
                .append(Duration.between(r.startedAt(), r.finishedAt()).toSeconds()).append(" s\n");
        long steps = r.phases().stream().mapToLong(p -> p.steps().size()).sum();
        md.append("- ").append(steps).append(" steps, ").append(r.failedChecks()).append(" failed check(s)\n");
        md.append("- verify before: ").append(verified(r.verifyBefore())).append("; after: ")
                .append(verified(r.verifyAfter())).append("\n\n");
        for (PhaseResult phase : r.phases()) {
            md.append("## ").append(phase.name()).append(phase.skipped() != null ? ": skipped"
                    : phase.ok() ? ": passed" : ": FAILED").append("\n\n");
            if (phase.skipped() != null) {
                md.append(phase.skipped()).append("\n\n");
            }
            if (phase.steps().isEmpty()) {
                continue;
            }
            md.append("| step | result | ms | checks |\n|---|---|---:|---|\n");
            for (StepResult s : phase.steps()) {
                md.append("| ").append(cell(s.name())).append(" | ").append(s.ok() ? "pass" : "**FAIL**").append(" | ")
                        .append(s.tookMs()).append(" | ").append(cell(checks(s))).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.figures().isEmpty()) {
            md.append("## figures\n\n| phase | figure | value |\n|---|---|---:|\n");
            r.figures().forEach((phase, values) -> values.forEach((k, v) ->
                    md.append("| ").append(phase).append(" | ").append(k).append(" | ").append(v).append(" |\n")));
            md.append('\n');
        }
        md.append("## snapshot diff (before \u2192 after)\n\n");
        if (r.snapshotDiff().isEmpty()) {
            md.append("no process changed\n");
        } else {
            r.snapshotDiff().forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return md.toString();
    }

    private static String checks(StepResult s) {
        String checks = s.checks().stream().map(MarkdownReport::check).collect(Collectors.joining("; "));
        String facts = s.facts().entrySet().stream().filter(e -> e.getKey().equals("skipped"))
                .map(Map.Entry::getValue).map(String::valueOf).collect(Collectors.joining());
        return facts.isEmpty() ? checks : "skipped: " + facts;
    }

    private static String check(Check c) {
        return (c.ok() ? "\u2713 " : "\u2717 ") + c.name() + (c.detail() == null ? "" : " (" + c.detail() + ")");
    }

    private static String verified(Verified v) {
        return v == null ? "not run" : v.ok() ? "ok (" + v.checked() + " checked)"
                : v.mismatches().size() + " mismatch(es)";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
