package dev.pitstop.control;

/**
 * The outcome of a health-gated swap (install, rollback, update): {@link Swapped} or {@link SwapFailed}, told
 * apart by {@link #ok()}.
 */
public sealed interface SwapOutcome permits Swapped, SwapFailed {
    String binary();

    boolean ok();
}
