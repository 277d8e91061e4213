package dev.pitstop.supervisor;

import com.sun.jna.Library;

/** The system calls the supervisor makes through JNA (loaded once per stack run by {@link SupervisorServices}). */
interface LibC extends Library {
    int WNOHANG = 1;
    int PR_SET_CHILD_SUBREAPER = 36;

    int kill(int pid, int signal);

    int waitpid(int pid, int[] status, int options);

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);
}
