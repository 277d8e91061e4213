package dev.pitstop.supervisor;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * One run's {@code NOTIFY_SOCKET}: a Unix datagram socket bound to a path, read by the {@link NotifyLoop}. With
 * {@code SO_PASSCRED} every datagram carries its sender's PID, which the receiver gets with the text.
 */
final class NotifySocket implements AutoCloseable {
    /** sd_notify's messages are a few short lines; systemd reads at most this much of one too. */
    private static final int MAX_MESSAGE = 4096;
    private static final int CONTROL_BYTES = 256;
    private static final int MSGHDR_BYTES = 56;
    private static final int CMSG_HEADER_BYTES = 16;

    private final NotifyLibC libc;
    private final NotifyLoop loop;
    private final Path path;
    private final int fd;
    private final Memory header = new Memory(MSGHDR_BYTES);
    private final Memory iov = new Memory(16);
    private final Memory data = new Memory(MAX_MESSAGE);
    private final Memory control = new Memory(CONTROL_BYTES);

    /**
     * Binds a new socket at {@code path} (an old file there is replaced) and hands it to {@code loop}.
     *
     * @param receiver gets each datagram's text and its sender's PID (0 when the kernel gave none)
     */
    NotifySocket(NotifyLibC libc, NotifyLoop loop, Path path, BiConsumer<Long, String> receiver) throws IOException {
        this.libc = libc;
        this.loop = loop;
        this.path = path;
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= NotifyLibC.SUN_PATH_BYTES) {
            throw new IOException("the notification socket path is too long (" + name.length + " bytes): " + path);
        }
        Files.deleteIfExists(path);
        int s;
        try {
            s = libc.socket(NotifyLibC.AF_UNIX, NotifyLibC.SOCK_DGRAM | NotifyLibC.SOCK_NONBLOCK
                    | NotifyLibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("cannot create a notification socket: errno " + e.getErrorCode(), e);
        }
        try (Memory address = new Memory(2 + NotifyLibC.SUN_PATH_BYTES)) {
            address.clear();
            address.setShort(0, (short) NotifyLibC.AF_UNIX);
            address.write(2, name, 0, name.length);
            libc.bind(s, address, 2 + name.length + 1);
            libc.setsockopt(s, NotifyLibC.SOL_SOCKET, NotifyLibC.SO_PASSCRED, new int[] {1}, 4);
        } catch (LastErrorException e) {
            libc.close(s);
            throw new IOException("cannot bind the notification socket " + path + ": errno " + e.getErrorCode(), e);
        }
        this.fd = s;
        iov.setPointer(0, data);
        iov.setLong(8, MAX_MESSAGE);
        loop.add(fd, ignored -> drain(receiver));
    }

    Path path() {
        return path;
    }

    /** Reads every datagram waiting; on the loop's thread. */
    private void drain(BiConsumer<Long, String> receiver) {
        while (true) {
            header.clear();
            header.setPointer(16, iov);
            header.setLong(24, 1);
            header.setPointer(32, control);
            header.setLong(40, CONTROL_BYTES);
            long n;
            try {
                n = libc.recvmsg(fd, header, NotifyLibC.MSG_CMSG_CLOEXEC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == NotifyLibC.EINTR) {
                    continue;
                }
                return; // EAGAIN: drained
            }
            long sender = credentials();
            receiver.accept(sender, new String(data.getByteArray(0, (int) n), StandardCharsets.UTF_8));
        }
    }

    /** The sender's PID from {@code SCM_CREDENTIALS}; descriptors a sender passed along are closed, not kept. */
    private long credentials() {
        long length = header.getLong(40);
        long pid = 0;
        long at = 0;
        while (at + CMSG_HEADER_BYTES <= length) {
            long len = control.getLong(at);
            if (len < CMSG_HEADER_BYTES || at + len > length) {
                break;
            }
            int level = control.getInt(at + 8);
            int type = control.getInt(at + 12);
            if (level == NotifyLibC.SOL_SOCKET && type == NotifyLibC.SCM_CREDENTIALS) {
                pid = control.getInt(at + CMSG_HEADER_BYTES);
            } else if (level == NotifyLibC.SOL_SOCKET && type == NotifyLibC.SCM_RIGHTS) {
                for (long f = at + CMSG_HEADER_BYTES; f + 4 <= at + len; f += 4) {
                    libc.close(control.getInt(f));
                }
            }
            at += (len + 7) & ~7L;
        }
        return pid;
    }

    @Override
    public void close() {
        loop.remove(fd, path);
    }
}
