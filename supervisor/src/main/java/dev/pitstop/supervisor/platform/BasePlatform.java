package dev.pitstop.supervisor.platform;

/** The calls every platform makes the same way: signals, reaping orphans, the subreaper flag, the process table. */
abstract class BasePlatform implements ProcessPlatform {
    final PosixLib c;
    private final ProcessTable table;

    BasePlatform(PosixLib c, ProcessTable table) {
        this.c = c;
        this.table = table;
    }

    /** A signal was sent: an exit is likely soon. */
    void signalled() {}

    @Override
    public boolean signalGroup(long pgid, int signal) {
        boolean sent = pgid > 1 && c.kill((int) -pgid, signal) == 0;
        signalled();
        return sent;
    }

    @Override
    public boolean signalProcess(long pid, int signal) {
        boolean sent = pid > 1 && c.kill((int) pid, signal) == 0;
        signalled();
        return sent;
    }

    @Override
    public int reap(long pid) {
        int code = pid <= 1 ? -1 : Abi.reap(c, pid);
        return code == Abi.RUNNING ? -1 : code;
    }

    /** {@code prctl(PR_SET_CHILD_SUBREAPER)} where the library is Linux's; false elsewhere. */
    @Override
    public boolean subreaper(boolean on) {
        try {
            return c instanceof LinuxLib linux && linux.prctl(LinuxLib.PR_SET_CHILD_SUBREAPER, on ? 1 : 0, 0, 0, 0) == 0;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    @Override
    public void close(int fd) {
        c.close(fd);
    }

    @Override
    public ProcessTable table() {
        return table;
    }

    @Override
    public String toString() {
        return name();
    }
}
