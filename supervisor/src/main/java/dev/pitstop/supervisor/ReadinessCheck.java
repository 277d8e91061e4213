package dev.pitstop.supervisor;

import java.util.function.Consumer;

/**
 * How a run of a process counts as ready: one strategy per process, made by {@link Readiness}. A check reports each
 * change (ready, not ready again) and stops when its handle is closed; it never blocks a thread.
 */
interface ReadinessCheck {
    /** Whether the process shows a health ({@code Ready} / {@code Not Ready}); a survival window shows none. */
    boolean reportsHealth();

    /** Starts checking {@code run}; {@code onChange} receives every change of its readiness. */
    AutoCloseable start(Run run, Consumer<Boolean> onChange);
}
