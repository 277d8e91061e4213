package dev.pitstop.drill;

/** Follows a drill as it runs (the CLI's live view); every method has a no-op default. */
public interface DrillListener {
    DrillListener NONE = new DrillListener() {};

    default void phaseStarted(String phase) {}

    default void stepStarted(String phase, String step) {}

    default void stepFinished(String phase, DrillReport.StepResult step) {}

    default void phaseSkipped(String phase, String reason) {}
}
