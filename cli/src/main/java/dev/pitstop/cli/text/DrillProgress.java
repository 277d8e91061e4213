package dev.pitstop.cli.text;

import dev.pitstop.drill.DrillListener;
import dev.pitstop.drill.DrillReport;
import java.io.PrintWriter;

/**
 * The live view of a drill: a heading per phase and a line per step with its verdict. On a terminal the running
 * step shows on the line its verdict then replaces; the failed checks are printed under a failed step.
 */
public final class DrillProgress implements DrillListener {
    private static final String CLEAR_LINE = "\r\033[2K";

    private final PrintWriter out;
    private final boolean terminal;
    /** The integrity phase's steps come before and after the others': its heading is printed again. */
    private String shown;

    public DrillProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void phaseStarted(String phase) {
        heading(phase);
    }

    private void heading(String phase) {
        if (!phase.equals(shown)) {
            shown = phase;
            out.println("== " + phase);
            out.flush();
        }
    }

    @Override
    public void stepStarted(String phase, String step) {
        heading(phase);
        if (terminal) {
            out.print("   \u2026  " + step);
            out.flush();
        }
    }

    @Override
    public void stepFinished(String phase, DrillReport.StepResult step) {
        if (terminal) {
            out.print(CLEAR_LINE);
        }
        Object skipped = step.facts().get("skipped");
        String verdict = skipped != null ? "skip" : step.ok() ? "pass" : "FAIL";
        out.println("  " + verdict + "  " + step.name() + (skipped != null ? " (" + skipped + ")"
                : " (" + step.tookMs() + " ms)"));
        step.checks().stream().filter(c -> !c.ok())
                .forEach(c -> out.println("        \u2717 " + c.name() + ": " + c.detail()));
        out.flush();
    }

    @Override
    public void phaseSkipped(String phase, String reason) {
        heading(phase);
        out.println("  skip  " + reason);
        out.flush();
    }
}
