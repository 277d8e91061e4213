package dev.pitstop.control;

/** The outcome of reloading one process: {@link Reloaded} or {@link ReloadFailed}, told apart by {@link #ok()}. */
public sealed interface ReloadOutcome permits Reloaded, ReloadFailed {
    String name();

    boolean ok();
}
