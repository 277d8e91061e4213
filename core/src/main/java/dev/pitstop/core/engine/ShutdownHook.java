package dev.pitstop.core.engine;

import jakarta.inject.Inject;

/**
 * Whether a running engine brings its stack down when the JVM exits (a JVM shutdown hook, registered by
 * {@code up} and removed by {@code down} or {@code close}): on by default, so that neither Ctrl-C nor a SIGTERM
 * of the embedding program leaves processes behind. Turn it off with
 * {@code Pitstop.builder().shutdownHook(false)} when the program stops the engine from a hook of its own.
 */
public record ShutdownHook(boolean enabled) {
    @Inject
    public ShutdownHook() {
        this(true);
    }
}
