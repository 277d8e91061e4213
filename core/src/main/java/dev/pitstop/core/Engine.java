package dev.pitstop.core;

import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One stack, run and controlled from Java. The control socket and the CLI call exactly these operations.
 * Obtain one from {@link EngineFactory}.
 */
public interface Engine extends AutoCloseable {

    Stack stack();

    /** Starts the stack; returns once every process was launched or is waiting for its dependencies. */
    void up();

    /** Stops every process and waits until none is left. Idempotent. */
    void down();

    /** Blocks until the stack is down or the timeout passes. */
    boolean awaitDown(Duration timeout) throws InterruptedException;

    List<ProcessStatus> ps();

    ReloadResult reload(String name);

    void restart(String name);

    void start(String name);

    void stop(String name);

    /** Re-reads the stack file and applies the difference. */
    ApplyResult apply();

    List<LogLine> logs(String name, int lastN);

    AutoCloseable followLogs(String name, Consumer<LogLine> consumer);

    /** The last {@code lastN} events of this run. */
    List<Event> events(int lastN);

    AutoCloseable addListener(EventListener listener);

    /**
     * Stores a local file as a new version of a binary of the stack, records it, and makes it current: at once
     * when the stack is not running, else through the health-gated swap (rolled back if it fails).
     *
     * @param version a version label, or {@code null} to derive one
     * @param force apply even a version marked bad before
     * @throws SwapFailedException if the new version did not become ready and the previous one was restored
     */
    SwapResult install(String binary, Path file, String version, boolean force);

    /**
     * Makes an earlier stored version current again, through the same health-gated path.
     *
     * @param to a version label or SHA-256 (prefix of at least 6), or {@code null} for the previous version
     */
    SwapResult rollback(String binary, String to, boolean force);

    /** The stack's {@code pitstop.lock.json} as it is now. */
    Manifest manifest();

    /** Checks the store's bytes and that every running process runs the current version of its binary. */
    VerifyReport verify();

    /** Name, PID, start time, executable SHA-256 and version of every running process. */
    Snapshot snapshot();

    @Override
    void close();
}
