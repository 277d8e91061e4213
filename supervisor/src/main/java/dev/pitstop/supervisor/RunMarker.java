package dev.pitstop.supervisor;

/**
 * The environment variables that mark every child of a supervisor run; descendants inherit them. They find what a
 * process group misses (a grandchild that called {@code setsid}) and what a crash left behind ({@link Leftovers}).
 */
final class RunMarker {
    /** Unique per supervisor run. */
    static final String RUN_ID = "PITSTOP_RUN_ID";
    /** The name of the stack's process a child belongs to. */
    static final String PROCESS_NAME = "PITSTOP_PROCESS";
    /** Set for probes, shutdown commands and checks, which are not part of the service itself. */
    static final String HELPER = "PITSTOP_HELPER";

    private RunMarker() {}
}
