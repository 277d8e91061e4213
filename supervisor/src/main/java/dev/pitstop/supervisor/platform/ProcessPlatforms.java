package dev.pitstop.supervisor.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * Chooses the {@link ProcessPlatform} of a stack run: the one asked for ({@code PITSTOP_PROCESS_PLATFORM} =
 * {@code linux}, {@code posix}, {@code macos} or {@code jdk}), else the best this machine has. One that was asked for
 * and cannot work here is an error, not a silent fallback.
 */
public final class ProcessPlatforms {
    /** The environment variable that forces a platform. */
    public static final String VARIABLE = "PITSTOP_PROCESS_PLATFORM";

    /** The platform and why it was chosen, for the log and the stack's first event. */
    public record Choice(ProcessPlatform platform, String reason) {
        @Override
        public String toString() {
            return platform.name() + " (" + reason + ")";
        }
    }

    private ProcessPlatforms() {}

    /**
     * @param requested   the variable's value, or null/blank for the default
     * @param completions where exit futures complete
     * @param name        the loop thread's name
     * @throws IllegalArgumentException for a name that is none of the four
     * @throws IllegalStateException    when the requested platform cannot run here
     */
    public static Choice open(String requested, Executor completions, String name) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean mac = os.contains("mac") || os.contains("darwin");
        boolean linux = os.contains("linux");
        if (requested == null || requested.isBlank()) {
            if (linux) {
                String missing = linuxMissing();
                return missing == null ? new Choice(linux(completions, name), "default on Linux")
                        : new Choice(posix(completions, name, false), "default; not linux: " + missing);
            }
            return mac ? new Choice(macos(completions, name), "default on macOS")
                    : new Choice(posix(completions, name, false), "default on " + os);
        }
        String value = requested.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "linux" -> {
                String missing = linux ? linuxMissing() : "not Linux";
                if (missing != null) {
                    throw new IllegalStateException(VARIABLE + "=linux cannot run here: " + missing);
                }
                return new Choice(linux(completions, name), VARIABLE + "=linux");
            }
            case "posix" -> {
                return new Choice(posix(completions, name, mac), VARIABLE + "=posix");
            }
            case "macos" -> {
                if (!mac) {
                    throw new IllegalStateException(VARIABLE + "=macos cannot run here: not macOS");
                }
                return new Choice(macos(completions, name), VARIABLE + "=macos");
            }
            case "jdk" -> {
                return new Choice(jdk(), VARIABLE + "=jdk");
            }
            default -> throw new IllegalArgumentException(VARIABLE + "=" + requested
                    + " is none of linux, posix, macos, jdk");
        }
    }

    /**
     * Loads the C library, by its file name where there is one ({@code libc.so.6}): found by the dynamic loader
     * whatever JNA's search path is, so a JVM started with {@code -Djna.platform.library.path} (the launcher's
     * {@code up}) never runs JNA's {@code ldconfig -p}, a child process and a JDK reaper thread at every start.
     */
    public static <T extends Library> T libc(Class<T> api) {
        try {
            return Native.load(Platform.C_LIBRARY_NAME, api); // libc.so.6 on Linux, so glibc's
        } catch (UnsatisfiedLinkError e) {
            return Native.load("c", api); // another C library (musl): let JNA find it
        }
    }

    /** What this Linux lacks for the linux platform, or null. */
    private static String linuxMissing() {
        try {
            NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            c.getFunction("posix_spawn_file_actions_addclosefrom_np");
            c.getFunction("posix_spawn_file_actions_addchdir_np");
        } catch (UnsatisfiedLinkError e) {
            return "the C library has no posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later needed)";
        }
        return EpollPoller.supported(libc(LinuxLib.class)) ? null
                : "the kernel has no pidfd_open (Linux 5.3 or later needed)";
    }

    private static ProcessPlatform linux(Executor completions, String name) {
        LinuxLib c = libc(LinuxLib.class);
        Abi abi = Abi.glibc();
        NativeLoop loop = new NativeLoop(c, abi, new EpollPoller(c, abi), completions, name).start();
        return new NativePlatform("linux", c, new Spawner(c, abi, Spawner.FdHygiene.CLOSEFROM), loop, new ProcFs(),
                () -> {
                    int[] fds = new int[2];
                    if (c.pipe2(fds, abi.oCloexec()) != 0) {
                        throw new java.io.IOException("pipe2: errno " + Native.getLastError());
                    }
                    return new Pipe(fds[0], fds[1]);
                });
    }

    private static ProcessPlatform posix(Executor completions, String name, boolean mac) {
        PosixLib c = libc(PosixLib.class);
        Abi abi = mac ? Abi.darwin() : Abi.glibc();
        NativeLoop loop = new NativeLoop(c, abi, new PollPoller(c, abi), completions, name).start();
        return new NativePlatform("posix", c, new Spawner(c, abi, Spawner.FdHygiene.CLOSE_LISTED), loop,
                new PsTable(List.of(mac ? "-E" : "e")), () -> posixPipe(c));
    }

    /** Not run in CI (no Mac there): its calls are tested against fakes. */
    private static ProcessPlatform macos(Executor completions, String name) {
        DarwinLib c = libc(DarwinLib.class);
        Abi abi = Abi.darwin();
        NativeLoop loop = new NativeLoop(c, abi, new KqueuePoller(c, abi), completions, name).start();
        return new NativePlatform("macos", c, new Spawner(c, abi, Spawner.FdHygiene.CLOEXEC_DEFAULT), loop,
                new LibprocTable(c, new PsTable(List.of("-E"))), () -> posixPipe(c));
    }

    private static ProcessPlatform jdk() {
        boolean procfs = Files.isDirectory(Path.of("/proc/self"));
        PosixLib c = procfs ? libc(LinuxLib.class) : libc(PosixLib.class);
        return new JdkPlatform(c, procfs ? new ProcFs() : new PsTable(List.of("e")));
    }

    /** {@code pipe} and then close-on-exec: plain POSIX has no {@code pipe2}. */
    static Pipe posixPipe(PosixLib c) throws java.io.IOException {
        int[] fds = new int[2];
        if (c.pipe(fds) != 0) {
            throw new java.io.IOException("pipe: errno " + Native.getLastError());
        }
        c.fcntl(fds[0], Abi.F_SETFD, Abi.FD_CLOEXEC);
        c.fcntl(fds[1], Abi.F_SETFD, Abi.FD_CLOEXEC);
        return new Pipe(fds[0], fds[1]);
    }
}
