package dev.pitstop.supervisor;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** {@code kill(2)} through JNA: one system call per signal instead of forking {@code kill}. */
final class Signals {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    /** The part of libc we call. */
    interface LibC extends Library {
        int kill(int pid, int signal);
    }

    private final LibC libc;

    Signals() {
        this.libc = Native.load("c", LibC.class);
    }

    /** Signals every member of the process group {@code pgid}; false when the group is already empty. */
    boolean toGroup(long pgid, int signal) {
        return pgid > 1 && libc.kill((int) -pgid, signal) == 0;
    }

    /** Signals one process; false when it no longer exists. */
    boolean toProcess(long pid, int signal) {
        return pid > 1 && libc.kill((int) pid, signal) == 0;
    }
}
