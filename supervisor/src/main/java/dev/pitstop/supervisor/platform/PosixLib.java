package dev.pitstop.supervisor.platform;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The POSIX calls of the C library, through JNA. Variadic functions are declared variadic, so that JNA passes their
 * arguments the way the platform's ABI wants (on darwin/arm64 they go on the stack).
 */
interface PosixLib extends Library {
    int posix_spawnp(int[] pid, String file, Pointer fileActions, Pointer attributes, String[] argv, String[] envp);

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

    int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);

    int posix_spawn_file_actions_addclose(Pointer actions, int fd);

    int posix_spawn_file_actions_addchdir_np(Pointer actions, String path);

    int posix_spawnattr_init(Pointer attributes);

    int posix_spawnattr_destroy(Pointer attributes);

    int posix_spawnattr_setflags(Pointer attributes, short flags);

    int posix_spawnattr_setsigmask(Pointer attributes, Pointer mask);

    int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

    int sigemptyset(Pointer set);

    int sigfillset(Pointer set);

    int pipe(int[] fds);

    int fcntl(int fd, int command, Object... argument);

    long read(int fd, Pointer buffer, long count);

    long write(int fd, Pointer buffer, long count);

    int close(int fd);

    int kill(int pid, int signal);

    int waitpid(int pid, int[] status, int options);

    int poll(Pointer fds, int count, int timeoutMillis);

    int getsid(int pid);

    String strerror(int errno);
}
