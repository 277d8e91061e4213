package dev.pitstop.supervisor.platform;

import com.sun.jna.Pointer;

/** The Linux-only calls (glibc ≥ 2.34, kernel ≥ 5.3). */
interface LinuxLib extends PosixLib {
    long SYS_PIDFD_OPEN = 434;
    int EPOLL_CLOEXEC = 02000000;
    int EPOLL_CTL_ADD = 1;
    int EPOLL_CTL_DEL = 2;
    int EPOLLIN = 0x001;
    int PR_SET_CHILD_SUBREAPER = 36;

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

    int pipe2(int[] fds, int flags);

    int syscall(long number, Object... arguments);

    int epoll_create1(int flags);

    int epoll_ctl(int epfd, int op, int fd, Pointer event);

    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);
}
