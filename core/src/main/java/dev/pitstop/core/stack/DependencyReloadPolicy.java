package dev.pitstop.core.stack;

/** {@code on_dependency_reload}: what a process does when a process it depends on was reloaded. */
public enum DependencyReloadPolicy {
    /** Keep running; clients reconnect on their own (Process Compose's behaviour). */
    IGNORE,
    /** Restart once the reloaded dependency is ready again. */
    RESTART
}
