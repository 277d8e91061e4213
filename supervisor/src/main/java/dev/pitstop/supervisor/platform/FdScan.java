package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists this process's open descriptors with POSIX calls only: one {@code poll} with no events over the first
 * {@link #SCANNED} descriptors answers {@code POLLNVAL} for those that are not open. The spawn then closes the others
 * in the child. (Marking them close-on-exec in the parent instead would break the JDK's own launches, which hand a
 * descriptor to their helper across exec.) Descriptors above {@link #SCANNED} are not covered; the Linux and macOS
 * platforms have no such limit.
 */
final class FdScan {
    static final int SCANNED = 4096;
    private static final short POLLNVAL = 0x20;

    private FdScan() {}

    /** The open descriptors from 3 up. */
    static List<Integer> open(PosixLib c) {
        int count = SCANNED - 3;
        Memory fds = new Memory(8L * count);
        fds.clear();
        for (int i = 0; i < count; i++) {
            fds.setInt(8L * i, i + 3);
        }
        c.poll(fds, count, 0);
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if ((fds.getShort(8L * i + 6) & POLLNVAL) == 0) {
                open.add(i + 3);
            }
        }
        return open;
    }
}
