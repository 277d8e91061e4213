package dev.pitstop.core.stack;

/** What a running stack does when {@code poll:} finds a new version ({@code poll_apply:}). */
public enum PollApply {
    /** Fetch or build it and swap it in, health-gated with rollback (the default). */
    SWAP,
    /** Fetch or build it and record it as the candidate; an event says so, nothing is swapped. */
    RECORD
}
