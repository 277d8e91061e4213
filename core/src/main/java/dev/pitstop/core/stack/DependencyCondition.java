package dev.pitstop.core.stack;

/** When a dependent may start, named exactly as in Process Compose. */
public enum DependencyCondition {
    PROCESS_STARTED("process_started"),
    PROCESS_COMPLETED("process_completed"),
    PROCESS_COMPLETED_SUCCESSFULLY("process_completed_successfully"),
    PROCESS_HEALTHY("process_healthy"),
    PROCESS_LOG_READY("process_log_ready");

    private final String yamlName;

    DependencyCondition(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** @return the condition, or {@code null} for an unknown name */
    public static DependencyCondition fromYaml(String name) {
        for (DependencyCondition c : values()) {
            if (c.yamlName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
