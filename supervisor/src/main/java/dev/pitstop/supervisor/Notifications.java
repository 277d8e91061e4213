package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessPlatforms;
import com.sun.jna.Platform;
import dev.pitstop.core.stack.ReadyNotification;
import dev.pitstop.supervisor.platform.ProcessPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The readiness notification channels of one stack run: a fresh {@code NOTIFY_SOCKET} per run of a process that
 * says {@code ready: notify}, in {@code .pitstop/notify/}, all read by one {@link NotifyLoop} thread.
 */
final class Notifications implements AutoCloseable {
    static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";
    static final String WATCHDOG_USEC = "WATCHDOG_USEC";
    /** Where the descriptor of {@code ready: notify-fd N} is, as the programs of the bench harness look for it. */
    static final String NOTIFY_FD = "NOTIFY_FD";

    private final Path stateDir;
    private final String runId;
    private final ProcessPlatform platform;
    private final AtomicLong sequence = new AtomicLong();
    private NotifyLibC libc;
    private NotifyLoop loop;
    /** The short folder used instead of the state folder's, when one was needed; removed on close. */
    private Path shortDir;

    Notifications(Path stateDir, String runId, ProcessPlatform platform) {
        this.stateDir = stateDir;
        this.runId = runId;
        this.platform = platform;
    }

    /** What a run is started with, and where its announcements go. */
    record Opened(RunNotification notification, LaunchExtras extras) {}

    /**
     * Opens the channel of the next run of a process before it starts, so that no early message is lost.
     *
     * @param log the process's log, for notable messages
     */
    Opened open(ReadyNotification kind, Consumer<String> log) throws IOException {
        RunNotification n = new RunNotification(this::belongs, log);
        Map<String, String> env = new LinkedHashMap<>();
        if (kind instanceof ReadyNotification.SdNotify sd) {
            NotifySocket socket = new NotifySocket(libc(), loop(), socketPath(), n::datagram);
            n.channel(socket);
            env.put(NOTIFY_SOCKET, socket.path().toString());
            if (!sd.watchdog().isZero()) {
                env.put(WATCHDOG_USEC, Long.toString(sd.watchdog().toNanos() / 1000));
            }
            return new Opened(n, new LaunchExtras(env, List.of()));
        }
        ReadyNotification.NotifyFd nf = (ReadyNotification.NotifyFd) kind;
        NotifyPipe pipe = new NotifyPipe(platform, nf.fd(), n::readyByDescriptor);
        n.channel(pipe);
        env.put(NOTIFY_FD, Integer.toString(nf.fd()));
        return new Opened(n, new LaunchExtras(env, List.of(pipe.mapping())));
    }

    /**
     * A sender belongs to the run when it is the leader or the daemon, or is alive in the leader's session. A sender
     * that already exited (a {@code systemd-notify} helper) cannot be checked and is believed: only the user's own
     * processes can reach the socket, whose folder is 0700.
     */
    private boolean belongs(long pid, Run run) {
        long leader = run == null ? 0 : run.pid;
        if (pid <= 0 || leader == 0 || pid == leader || pid == run.daemonPid) {
            return true; // leader 0: a message that came before the spawn returned, so from the new child
        }
        return platform.table().stat(pid).map(s -> s.session() == leader).orElse(true);
    }

    private Path socketPath() throws IOException {
        String name = Long.toString(sequence.incrementAndGet());
        Path path = stateDir.resolve("notify").resolve(name);
        if (fits(path)) {
            PrivateFiles.directory(path.getParent());
            return path;
        }
        // a deep stack folder: a short folder of the user's, one per stack run
        Path dir = Path.of(System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/tmp"),
                "pitstop-notify-" + System.getProperty("user.name") + "-" + runId.substring(0, 8));
        path = dir.resolve(name);
        if (!fits(path)) {
            throw new IOException("no short folder for the notification socket: set XDG_RUNTIME_DIR to a short path");
        }
        PrivateFiles.directory(dir);
        synchronized (this) {
            shortDir = dir;
        }
        return path;
    }

    private static boolean fits(Path socket) {
        return socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length < NotifyLibC.SUN_PATH_BYTES;
    }

    private synchronized NotifyLibC libc() throws IOException {
        if (libc == null) {
            if (!Platform.isLinux()) {
                throw new IOException("ready: needs Linux for now (SO_PASSCRED datagram sockets, Linux's constants); "
                        + "use a readiness_probe");
            }
            libc = ProcessPlatforms.libc(NotifyLibC.class);
        }
        return libc;
    }

    private synchronized NotifyLoop loop() {
        if (loop == null) {
            loop = new NotifyLoop(libc);
        }
        return loop;
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
        }
        if (shortDir != null) {
            try {
                Files.deleteIfExists(shortDir); // empty by now: each socket is deleted with its run
            } catch (IOException e) {
                // a socket of a run that is still being torn down; /tmp is cleaned by the system
            }
        }
    }
}
