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
    /** A process of an earlier run whose supervisor was killed was still alive; it is stopped before the stack starts. */
    LEFTOVER_STOPPED,
    WARNING
}
