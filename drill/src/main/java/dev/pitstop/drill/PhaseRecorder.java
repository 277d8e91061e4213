package dev.pitstop.drill;

import dev.pitstop.core.PitstopException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the steps of one phase, tells the listener, and keeps their results. */
final class PhaseRecorder {
    private final String phase;
    private final DrillListener listener;
    private final List<DrillReport.StepResult> steps = new ArrayList<>();
    private String skipped;

    PhaseRecorder(String phase, DrillListener listener) {
        this.phase = phase;
        this.listener = listener;
        listener.phaseStarted(phase);
    }

    /** Runs one step; a Pitstop error or an unexpected exception fails the step, not the drill. */
    DrillReport.StepResult step(String name, Consumer<Step> body) {
        listener.stepStarted(phase, name);
        Step step = new Step(name);
        try {
            body.accept(step);
        } catch (PitstopException | IllegalStateException | java.io.UncheckedIOException e) {
            step.failed(e);
        }
        DrillReport.StepResult result = step.finish();
        steps.add(result);
        listener.stepFinished(phase, result);
        return result;
    }

    void skip(String reason) {
        skipped = reason;
        listener.phaseSkipped(phase, reason);
    }

    DrillReport.PhaseResult result() {
        return new DrillReport.PhaseResult(phase, steps, skipped);
    }
}
