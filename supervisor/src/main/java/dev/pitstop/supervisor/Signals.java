package dev.pitstop.supervisor;

/** {@code kill(2)} and {@code waitpid(2)} through JNA: one system call each instead of forking {@code kill}. */
final class Signals {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    private final LibC libc;

    Signals(LibC libc) {
        this.libc = libc;
    }

    /** Signals every member of the process group {@code pgid}; false when the group is already empty. */
    boolean toGroup(long pgid, int signal) {
        return pgid > 1 && libc.kill((int) -pgid, signal) == 0;
    }

    /** Signals one process; false when it no longer exists. */
    boolean toProcess(long pid, int signal) {
        return pid > 1 && libc.kill((int) pid, signal) == 0;
    }

    /**
     * Reaps a child the JDK did not start (an orphan re-parented to us) once it has exited; never call it for a
     * child started through {@link ProcessBuilder}, whose exit status belongs to the JDK.
     *
     * @return its exit code (128 + the signal when a signal ended it), or -1 when nothing was reaped now
     */
    int reap(long pid) {
        int[] status = new int[1];
        if (pid <= 1 || libc.waitpid((int) pid, status, LibC.WNOHANG) != pid) {
            return -1;
        }
        int signal = status[0] & 0x7f;
        return signal == 0 ? (status[0] >> 8) & 0xff : 128 + signal;
    }
}
