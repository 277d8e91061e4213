package dev.pitstop.core.process;

/** Readiness as Process Compose shows it; {@code UNKNOWN} when no readiness check is configured. */
public enum Health {
    READY("Ready"),
    NOT_READY("Not Ready"),
    UNKNOWN("-");

    private final String label;

    Health(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
