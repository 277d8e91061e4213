package dev.pitstop.supervisor;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The calls behind {@code sd_notify} (a datagram socket per run, one {@code poll} over all of them), with Linux's
 * constants: the JDK has no datagram Unix sockets.
 * Calls that fail throw {@link LastErrorException} with the errno.
 */
interface NotifyLibC extends Library {
    int AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    int SOCK_NONBLOCK = 0x800;
    int SOCK_CLOEXEC = 0x80000;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;
    int SOL_SOCKET = 1;
    int SO_PASSCRED = 16;
    int SCM_RIGHTS = 1;
    int SCM_CREDENTIALS = 2;
    int MSG_CMSG_CLOEXEC = 0x40000000;
    short POLLIN = 1;
    int EAGAIN = 11;
    int EINTR = 4;
    /** {@code sun_path} of {@code struct sockaddr_un}, with its terminating NUL. */
    int SUN_PATH_BYTES = 108;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, Pointer address, int length) throws LastErrorException;

    int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

    /** @return bytes received; fails with EAGAIN once the socket is drained */
    long recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    int poll(Pointer fds, int count, int timeoutMillis) throws LastErrorException;

    int pipe2(int[] fds, int flags) throws LastErrorException;

    long read(int fd, Pointer buffer, long count) throws LastErrorException;

    long write(int fd, byte[] buffer, long count) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
