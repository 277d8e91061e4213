package dev.pitstop.drill;

import dev.pitstop.drill.DrillReport.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A step being run: collects its checks and facts until {@link PhaseRecorder#step} closes it. */
final class Step {
    private final String name;
    private final long startedNanos = System.nanoTime();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    Step(String name) {
        this.name = name;
    }

    /** Records a check; returns whether it held, so a step can stop at the first that did not. */
    boolean check(String what, boolean ok, String detail) {
        checks.add(new Check(what, ok, detail));
        return ok;
    }

    void fact(String key, Object value) {
        facts.put(key, value);
    }

    /** A step that ended in an exception: the exception is its failed check. */
    void failed(RuntimeException e) {
        checks.add(new Check("completed", false, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    DrillReport.StepResult finish() {
        return new DrillReport.StepResult(name, (System.nanoTime() - startedNanos) / 1_000_000, checks, facts);
    }
}
