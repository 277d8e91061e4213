package dev.pitstop.core.stack;

import java.util.Map;

/** The default {@link HostEnvironment}: the JVM's own environment, read on every call. */
final class SystemHostEnvironment implements HostEnvironment {
    @Override
    public Map<String, String> variables() {
        return System.getenv();
    }
}
