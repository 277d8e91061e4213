package dev.pitstop.core.process;

/** Lifecycle state of a supervised process; {@link #label()} is Process Compose's name for it. */
public enum ProcessState {
    PENDING("Pending"),
    RUNNING("Running"),
    RESTARTING("Restarting"),
    TERMINATING("Terminating"),
    COMPLETED("Completed"),
    SKIPPED("Skipped"),
    ERROR("Error"),
    DISABLED("Disabled");

    private final String label;

    ProcessState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether no process of this name is alive in this state. */
    public boolean isTerminal() {
        return this == COMPLETED || this == SKIPPED || this == ERROR || this == DISABLED;
    }
}
