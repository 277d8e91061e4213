package dev.pitstop.supervisor.platform;

/** The numbers that differ between C libraries: flags, {@code fcntl} commands, {@code errno} values. */
record Abi(int oCreat, int oTrunc, int oNonBlock, int oCloexec, int fDupFdCloexec, short spawnSetsid,
           short spawnCloexecDefault, int eAgain, int epollEventSize, int epollDataOffset) {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int FD_CLOEXEC = 1;
    static final int EINTR = 4;
    static final int ECHILD = 10;
    static final int WNOHANG = 1;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** Large enough for glibc's sigset_t (128 bytes) and darwin's (4). */
    static final int SIGSET_BYTES = 128;
    /** Large enough for posix_spawnattr_t and posix_spawn_file_actions_t of glibc (336 and 80 bytes) and darwin. */
    static final int SPAWN_STRUCT_BYTES = 512;

    /** glibc on x86_64, where {@code struct epoll_event} is packed; also aarch64 etc., where it is not. */
    static Abi glibc() {
        boolean packed = "amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(System.getProperty("os.arch"));
        return new Abi(0100, 01000, 04000, 02000000, 1030, (short) 0x80, (short) 0, 11, packed ? 12 : 16,
                packed ? 4 : 8);
    }

    /** darwin's libc (macOS). */
    static Abi darwin() {
        return new Abi(0x200, 0x400, 0x4, 0x1000000, 67, (short) 0x400, (short) 0x4000, 35, 0, 0);
    }

    /** What {@link #reap} answers for a child that has not exited. */
    static final int RUNNING = Integer.MIN_VALUE;

    /**
     * {@code waitpid(pid, WNOHANG)} for one PID, never -1: the exit code, {@link #RUNNING}, or -1 when {@code pid} is
     * not (or no longer) a child of ours.
     */
    static int reap(PosixLib c, long pid) {
        int[] status = new int[1];
        int got = c.waitpid((int) pid, status, WNOHANG);
        return got == 0 ? RUNNING : got == pid ? exitCode(status[0]) : -1;
    }

    /** The exit code the way a shell shows it: the code, or 128 + the signal that ended the process. */
    static int exitCode(int waitStatus) {
        int signal = waitStatus & 0x7f;
        return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal;
    }
}
