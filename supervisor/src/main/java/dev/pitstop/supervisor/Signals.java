package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessPlatform;

/** The signals the supervisor sends, and the reaping of orphans, through the process platform. */
final class Signals {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    private final ProcessPlatform platform;

    Signals(ProcessPlatform platform) {
        this.platform = platform;
    }

    /** Signals every member of the process group {@code pgid}; false when the group is already empty. */
    boolean toGroup(long pgid, int signal) {
        return platform.signalGroup(pgid, signal);
    }

    /** Signals one process; false when it no longer exists. */
    boolean toProcess(long pid, int signal) {
        return platform.signalProcess(pid, signal);
    }

    /**
     * Reaps a child the platform did not start (an orphan re-parented to us) once it has exited; never call it for a
     * child of the platform, whose exit status belongs to its reaper.
     *
     * @return its exit code (128 + the signal when a signal ended it), or -1 when nothing was reaped now
     */
    int reap(long pid) {
        return platform.reap(pid);
    }
}
