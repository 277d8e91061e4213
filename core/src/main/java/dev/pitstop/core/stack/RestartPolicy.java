package dev.pitstop.core.stack;

/** {@code availability.restart}, named as in Process Compose. */
public enum RestartPolicy {
    NO("no"),
    ALWAYS("always"),
    ON_FAILURE("on_failure"),
    /** Restart on failure; once {@code max_restarts} is used up, bring the whole stack down. */
    EXIT_ON_FAILURE("exit_on_failure");

    private final String yamlName;

    RestartPolicy(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** @return the policy, or {@code null} for an unknown name */
    public static RestartPolicy fromYaml(String name) {
        for (RestartPolicy p : values()) {
            if (p.yamlName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
