package dev.pitstop.control;

/**
 * What an answer of the control API is, for {@link TextRendering}: each kind names the Java type of the value that
 * is rendered.
 */
public enum AnswerKind {
    /** {@code List<ProcessStatus>}. */
    PROCESSES,
    /** {@code ProcessStatus}. */
    PROCESS,
    /** {@code ReloadOutcome}. */
    RELOAD,
    /** {@code List<ReloadOutcome>}. */
    RELOADS,
    /** {@link Done}. */
    DONE,
    /** {@code ApplyResult}. */
    APPLIED,
    /** {@code SwapOutcome}. */
    SWAP,
    /** {@code List<SwapOutcome>}. */
    SWAPS,
    /** {@code Manifest}. */
    MANIFEST,
    /** {@code Snapshot}; its text is the snapshot document itself. */
    SNAPSHOT,
    /** {@link Verified}. */
    VERIFIED,
    /** {@code List<FetchResult>} of a fetch into the store. */
    FETCHED,
    /** {@code List<FetchResult>} of a fetch for another platform into a folder. */
    FETCHED_ELSEWHERE,
    /** {@code List<Outdated>}. */
    OUTDATED,
    /** {@code List<LockResult>}. */
    LOCKED,
    /** {@code List<PollResult>}. */
    POLLED,
    /** {@link Explained}. */
    EXPLAINED,
    /** {@code LogLine}, one line of a stream. */
    LOG_LINE,
    /** {@code Event}, one line of a stream. */
    EVENT,
    /** {@code String}: a notice inside a stream (items dropped for a slow reader). */
    NOTICE,
    /** {@code String}: the one-line reason of an error. */
    ERROR
}
