package dev.pitstop.core.stack;

import com.google.inject.ImplementedBy;
import java.util.Map;

/**
 * The variables a stack file's {@code $VAR} references are expanded from. Injected rather than read from
 * {@link System#getenv()} so that tests and embedding programs choose what a stack file sees.
 */
@ImplementedBy(SystemHostEnvironment.class)
public interface HostEnvironment {

    /** @return the variables, never {@code null} */
    Map<String, String> variables();

    /** An environment with exactly these variables. */
    static HostEnvironment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return () -> copy;
    }

    /** The environment of this JVM. */
    static HostEnvironment system() {
        return new SystemHostEnvironment();
    }
}
