package dev.pitstop.core.event;

/** Kinds of {@link Event}. */
public enum EventType {
    STACK_STARTING,
    STACK_STOPPED,
    STATE_CHANGED,
    HEALTH_CHANGED,
    PROCESS_EXITED,
    RELOAD_STARTED,
    RELOAD_SUCCEEDED,
    RELOAD_FAILED,
    ROLLED_BACK,
    BINARY_STORED,
    BINARY_SWAPPED,
    /** A running stack's {@code poll:} found a new version upstream. */
    UPSTREAM_CHANGED,
    WARNING
}
