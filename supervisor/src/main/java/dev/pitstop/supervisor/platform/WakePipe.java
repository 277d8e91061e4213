package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/** A non-blocking, close-on-exec pipe whose read end a poller watches, so another thread can wake it up. */
final class WakePipe implements AutoCloseable {
    private final PosixLib c;
    private final int[] fds;
    private final Memory one = new Memory(1);
    private final Memory scratch = new Memory(64);

    /** @param fds an open pipe; both ends are made non-blocking and close-on-exec */
    WakePipe(PosixLib c, Abi abi, int[] fds) {
        this.c = c;
        this.fds = fds.clone();
        for (int fd : fds) {
            c.fcntl(fd, Abi.F_SETFD, Abi.FD_CLOEXEC);
            c.fcntl(fd, Abi.F_SETFL, c.fcntl(fd, Abi.F_GETFL) | abi.oNonBlock());
        }
        one.setByte(0, (byte) 1);
    }

    static WakePipe open(PosixLib c, Abi abi) {
        int[] fds = new int[2];
        if (c.pipe(fds) != 0) {
            throw new IllegalStateException("cannot create a pipe: errno " + Native.getLastError());
        }
        return new WakePipe(c, abi, fds);
    }

    int readFd() {
        return fds[0];
    }

    /** Makes the read end readable (a full pipe is readable already). */
    void wake() {
        c.write(fds[1], one, 1);
    }

    /** Empties the pipe: the next {@link #wake} makes it readable again. Only the poller's thread calls it. */
    void drain() {
        while (c.read(fds[0], scratch, 64) > 0) {
            // emptied
        }
    }

    @Override
    public void close() {
        c.close(fds[0]);
        c.close(fds[1]);
    }
}
