package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;

/**
 * Marks this process's descriptors close-on-exec with POSIX calls only: one {@code poll} with no events over the
 * first {@link #SCANNED} descriptors tells which are open ({@code POLLNVAL} for the others), then {@code fcntl} sets
 * the flag on those without it. The JVM itself never execs, so the flag changes nothing for it; descriptors above
 * {@link #SCANNED} are not covered (the Linux and macOS platforms have no such limit).
 */
final class FdScan {
    static final int SCANNED = 4096;
    private static final short POLLNVAL = 0x20;

    private FdScan() {}

    static synchronized void markCloseOnExec(PosixLib c) {
        int count = SCANNED - 3;
        Memory fds = new Memory(8L * count);
        for (int i = 0; i < count; i++) {
            fds.setInt(8L * i, i + 3);
            fds.setShort(8L * i + 4, (short) 0);
            fds.setShort(8L * i + 6, (short) 0);
        }
        c.poll(fds, count, 0);
        for (int i = 0; i < count; i++) {
            if ((fds.getShort(8L * i + 6) & POLLNVAL) != 0) {
                continue;
            }
            int fd = i + 3;
            int flags = c.fcntl(fd, Abi.F_GETFD);
            if (flags >= 0 && (flags & Abi.FD_CLOEXEC) == 0) {
                c.fcntl(fd, Abi.F_SETFD, flags | Abi.FD_CLOEXEC);
            }
        }
    }
}
