package dev.pitstop.testkit;

import com.google.inject.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stack is started from: a stack file (whose folder is copied) or YAML text, and its settings.
 *
 * @param key names the stack in JUnit's store: a nested class finds its enclosing class's stack by it
 * @param home the store and caches, or {@code null} for the testkit's folder under {@code target/}
 */
record StackConfig(String key, Path stackFile, String yaml, List<String> ports, Map<String, String> variables,
                   List<Module> overrides, Path home, Duration readyTimeout, Lifecycle lifecycle) {

    StackConfig {
        if ((stackFile == null) == (yaml == null)) {
            throw new IllegalArgumentException("a stack needs either a stack file or YAML text");
        }
        ports = List.copyOf(ports);
        variables = Map.copyOf(variables);
        overrides = List.copyOf(overrides);
    }

    static StackConfig of(PitstopTest annotation, Class<?> declaringClass) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String pair : annotation.variables()) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@PitstopTest on " + declaringClass.getName() + ": variable '" + pair
                        + "' is not NAME=value");
            }
            variables.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new StackConfig("@PitstopTest " + declaringClass.getName(), Path.of(annotation.value()), null,
                List.of(annotation.ports()), variables, List.of(), null,
                Duration.ofSeconds(annotation.readyTimeoutSeconds()), annotation.lifecycle());
    }
}
