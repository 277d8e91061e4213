package dev.pitstop.supervisor.platform;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Every call the supervisor makes to the operating system about processes: spawning a child in a session of its own,
 * signalling, learning of exits (one reaper), reading children's output (one I/O loop) and facts about processes.
 * Chosen once per stack run by {@link ProcessPlatforms#open}; see docs/supervision.md for what each one supports.
 */
public interface ProcessPlatform extends AutoCloseable {
    /** {@code linux}, {@code posix}, {@code macos} or {@code jdk}. */
    String name();

    /**
     * Starts {@code request} as the leader of a new session and process group (its PID is its PGID), stdin on
     * {@code /dev/null}. Its exit is collected by this platform's reaper; its output goes where the request says.
     *
     * @throws IOException when it cannot start (no such executable, no such folder)
     */
    Child spawn(SpawnRequest request) throws IOException;

    /** A pipe whose two ends are closed on exec; give the write end to a child with a {@link FdMapping}. */
    Pipe pipe() throws IOException;

    /** Closes a descriptor this platform handed out (the parent's copy of a pipe end given to a child). */
    void close(int fd);

    /** The loop that reads every child's output; also reads other pipes ({@link IoLoop#register}). */
    IoLoop io();

    /** Signals every member of process group {@code pgid}; false when the group is already empty. */
    boolean signalGroup(long pgid, int signal);

    /** Signals one process; false when it no longer exists. */
    boolean signalProcess(long pid, int signal);

    /**
     * Reaps {@code pid} if it is an exited child that no one else waits for (an orphan re-parented to us); never
     * call it for a child of {@link #spawn} or of the JDK.
     *
     * @return its exit code (128 + the signal when a signal ended it), or -1 when nothing was reaped now
     */
    int reap(long pid);

    /**
     * Collects the exit of an orphan that re-parented to us: our child now, but not one {@link #spawn} started, and
     * one the JDK never waits for. The platform's reaper reaps it as it reaps a spawned child, so no thread waits
     * for it (the JDK's {@code onExit} keeps a thread per process).
     *
     * @return completes with its exit code (128 + the signal when a signal ended it), -1 when it was gone already
     */
    CompletableFuture<Integer> adoptOrphan(long pid);

    /**
     * Sets or clears this JVM's child-subreaper flag (Linux's {@code PR_SET_CHILD_SUBREAPER}): orphans of our
     * children then re-parent to us instead of init.
     *
     * @return false when this platform has no such flag (or it could not be changed)
     */
    boolean subreaper(boolean on);

    /** Facts about the processes of the machine. */
    ProcessTable table();

    /** Releases the loop thread and every descriptor still open; children are not signalled. */
    @Override
    void close();
}
