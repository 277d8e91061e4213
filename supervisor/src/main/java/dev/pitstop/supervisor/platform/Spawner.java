package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code posix_spawnp} in a new session: stdin from {@code /dev/null}, stdout and stderr merged, extra descriptors
 * mapped, signal mask and dispositions reset. No descriptor of this JVM leaks into the child: the JDK opens files
 * without close-on-exec and relies on its own child code to close them, so each platform closes the rest its way
 * ({@link FdHygiene}).
 */
final class Spawner {
    private final PosixLib c;
    private final Abi abi;
    private final FdHygiene hygiene;

    Spawner(PosixLib c, Abi abi, FdHygiene hygiene) {
        this.c = c;
        this.abi = abi;
        this.hygiene = hygiene;
    }

    /**
     * @param outFd the write end stdout and stderr go to, or -1 to follow the request's file or discard output
     * @return the child's PID
     */
    long spawn(SpawnRequest request, int outFd) throws IOException {
        Memory actions = new Memory(Abi.SPAWN_STRUCT_BYTES);
        Memory attributes = new Memory(Abi.SPAWN_STRUCT_BYTES);
        check(c.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
        check(c.posix_spawnattr_init(attributes), "posix_spawnattr_init");
        List<Integer> dups = new ArrayList<>();
        try {
            short flags = (short) (abi.spawnSetsid() | Abi.POSIX_SPAWN_SETSIGDEF | Abi.POSIX_SPAWN_SETSIGMASK);
            if (hygiene == FdHygiene.CLOEXEC_DEFAULT) {
                flags |= abi.spawnCloexecDefault();
            }
            check(c.posix_spawnattr_setflags(attributes, flags), "posix_spawnattr_setflags");
            Memory empty = new Memory(Abi.SIGSET_BYTES);
            Memory all = new Memory(Abi.SIGSET_BYTES);
            c.sigemptyset(empty);
            c.sigfillset(all);
            check(c.posix_spawnattr_setsigmask(attributes, empty), "posix_spawnattr_setsigmask");
            check(c.posix_spawnattr_setsigdefault(attributes, all), "posix_spawnattr_setsigdefault");
            fileActions(actions, request, outFd, dups);
            int[] pid = new int[1];
            int error = c.posix_spawnp(pid, request.argv().get(0), actions, attributes,
                    request.argv().toArray(String[]::new), envp(request.environment()));
            if (error != 0) {
                throw new IOException("cannot run " + request.argv().get(0) + ": " + c.strerror(error));
            }
            return pid[0];
        } finally {
            dups.forEach(c::close);
            c.posix_spawn_file_actions_destroy(actions);
            c.posix_spawnattr_destroy(attributes);
        }
    }

    private void fileActions(Pointer fa, SpawnRequest request, int outFd, List<Integer> dups) throws IOException {
        check(c.posix_spawn_file_actions_addopen(fa, 0, "/dev/null", Abi.O_RDONLY, 0), "addopen stdin");
        if (outFd >= 0) {
            check(c.posix_spawn_file_actions_adddup2(fa, outFd, 1), "adddup2 stdout");
        } else if (request.output() instanceof SpawnRequest.ToFile file) {
            check(c.posix_spawn_file_actions_addopen(fa, 1, file.file().toString(),
                    Abi.O_WRONLY | abi.oCreat() | abi.oTrunc(), 0600), "addopen stdout");
        } else {
            check(c.posix_spawn_file_actions_addopen(fa, 1, "/dev/null", Abi.O_WRONLY, 0), "addopen stdout");
        }
        check(c.posix_spawn_file_actions_adddup2(fa, 1, 2), "adddup2 stderr");
        Set<Integer> targets = new TreeSet<>();
        for (FdMapping m : request.fds()) {
            // a source that is also a target of the mapping (or equal to its own, which dup2 would leave
            // close-on-exec) is first copied out of the way
            int source = m.parentFd();
            if (source <= 2 || request.fds().stream().anyMatch(o -> o.childFd() == m.parentFd())) {
                source = c.fcntl(m.parentFd(), abi.fDupFdCloexec(), 3);
                if (source < 0) {
                    throw new IOException("cannot copy fd " + m.parentFd() + ": errno " + com.sun.jna.Native.getLastError());
                }
                dups.add(source);
            }
            check(c.posix_spawn_file_actions_adddup2(fa, source, m.childFd()), "adddup2 fd " + m.childFd());
            targets.add(m.childFd());
        }
        check(c.posix_spawn_file_actions_addchdir_np(fa, request.workingDir().toString()), "addchdir");
        if (hygiene == FdHygiene.CLOSEFROM) {
            int top = targets.isEmpty() ? 2 : ((TreeSet<Integer>) targets).last();
            for (int fd = 3; fd < top; fd++) {
                if (!targets.contains(fd)) {
                    check(c.posix_spawn_file_actions_addclose(fa, fd), "addclose");
                }
            }
            check(((LinuxLib) c).posix_spawn_file_actions_addclosefrom_np(fa, top + 1), "addclosefrom_np");
        } else if (hygiene == FdHygiene.CLOSE_LISTED) {
            for (int fd : FdScan.open(c)) {
                if (!targets.contains(fd)) {
                    check(c.posix_spawn_file_actions_addclose(fa, fd), "addclose");
                }
            }
        }
    }

    private static String[] envp(Map<String, String> env) {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private void check(int error, String what) throws IOException {
        if (error != 0) {
            throw new IOException(what + ": " + c.strerror(error));
        }
    }

    /** How the descriptors of this JVM are kept out of a child. */
    enum FdHygiene {
        /** glibc ≥ 2.34: the child closes every descriptor above the ones it is given. */
        CLOSEFROM,
        /** darwin: POSIX_SPAWN_CLOEXEC_DEFAULT, only the descriptors of the file actions survive exec. */
        CLOEXEC_DEFAULT,
        /** plain POSIX: the child closes every descriptor this JVM had open at the spawn ({@link FdScan}). */
        CLOSE_LISTED
    }
}
