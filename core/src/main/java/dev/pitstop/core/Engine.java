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
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One stack, run and controlled from Java. The control socket and the CLI call exactly these operations.
 * Obtain one from {@link Pitstop#open} or an {@link EngineFactory}.
 *
 * <pre>{@code
 * try (Engine engine = Pitstop.open(Path.of("pitstop.yaml"))) {
 *     engine.up();
 *     engine.awaitReady(Duration.ofSeconds(30));
 *     ReloadResult r = engine.reload("nats");
 * }
 * }</pre>
 */
public interface Engine extends AutoCloseable {

    Stack stack();

    /**
     * Fetches binaries that have no current version yet, then starts the stack; returns once every process was
     * launched or is waiting for its dependencies. An engine runs its stack once: after {@link #down()}, open a
     * new engine to start it again.
     */
    void up();

    /**
     * Blocks until every process of the stack is ready: running and, if it has a readiness check (probe or log
     * line), passing it; or completed, skipped, disabled. Returns at once when it already is.
     *
     * @throws NotReadyException when the timeout passes, or a process ended in {@code Error}: it names each process
     *         that is not ready, its probe's last error and its last log lines
     */
    void awaitReady(Duration timeout) throws InterruptedException;

    /** Stops every process and waits until none is left. Idempotent. */
    void down();

    /** Blocks until the stack is down or the timeout passes. */
    boolean awaitDown(Duration timeout) throws InterruptedException;

    /**
     * The exit code the stack ends with, as Process Compose computes its own: that of the process whose
     * {@code exit_on_failure} / {@code exit_on_end} brought it down (0 if it counts as a success), 1 after
     * {@code exit_on_skipped}, else 0.
     */
    default int exitCode() {
        return 0;
    }

    /** Completes once every process has ended, when Process Compose's project ends; the stack stays up. */
    default java.util.concurrent.CompletableFuture<Void> ended() {
        return new java.util.concurrent.CompletableFuture<>();
    }

    List<ProcessStatus> ps();

    ReloadResult reload(String name);

    void restart(String name);

    void start(String name);

    void stop(String name);

    /** Re-reads the stack file and applies the difference. */
    ApplyResult apply();

    List<LogLine> logs(String name, int lastN);

    /** New log lines of a process, on a Pitstop thread, until the subscription is closed. */
    Subscription followLogs(String name, Consumer<LogLine> consumer);

    /** The last {@code lastN} events of this run. */
    List<Event> events(int lastN);

    Subscription addListener(EventListener listener);

    /**
     * Stores a local file as a new version of a binary of the stack, records it, and makes it current: at once
     * when the stack is not running, else through the health-gated swap (rolled back if it fails).
     *
     * @throws SwapFailedException if the new version did not become ready and the previous one was restored
     * @throws dev.pitstop.core.trust.BinaryNotRunnableException if the file cannot run on this machine (another
     *         CPU, a missing loader, a {@code noexec} mount); it is marked bad and nothing was stopped
     * @throws dev.pitstop.core.store.BadBinaryException if those bytes were marked bad before and the request is
     *         not forced
     */
    SwapResult install(InstallRequest request);

    /**
     * Makes an earlier stored version current again, through the same health-gated path.
     */
    SwapResult rollback(RollbackRequest request);

    /**
     * Fetches binaries from their sources, verifies, trusts and stores them; a version that differs from the
     * current one is recorded as candidate (as current when none is yet). Nothing is reloaded.
     */
    List<FetchResult> fetch(BinarySelection binaries);

    /**
     * Fetches binaries for another platform into a folder (verified and extracted, but neither trusted, stored
     * nor recorded: they are not meant to run here).
     */
    List<FetchResult> fetchFor(PlatformFetchRequest request);

    /** Fetches, then swaps every binary that changed onto its new version (health-gated, with rollback). */
    List<SwapResult> update(BinarySelection binaries);

    /**
     * Checks each binary's source for something newer, cheaply: nothing is downloaded or built (git: a
     * {@code ls-remote}; GitHub: a conditional request). A source that cannot be reached is a result with
     * {@link PollResult.Status#ERROR}; the others are still checked. {@link #update} applies what was found.
     */
    List<PollResult> poll(BinarySelection binaries);

    /**
     * Pins, for each platform, what a fetch there gets: the version and the asset with its SHA-256 (from published
     * digests, else one download hashed and thrown away), or for a binary built from git the commit. Recorded in
     * {@code pitstop.lock.json}; nothing is installed. A fetch or {@code up} on a machine of a locked platform
     * then gets exactly that; see {@link dev.pitstop.core.engine.LockPolicy} for {@code --locked}.
     *
     * @throws PitstopException naming every binary and platform that could not be locked; nothing is written then
     */
    default List<LockResult> lock(LockRequest request) {
        throw new UnsupportedOperationException("this engine cannot lock");
    }

    /** For each binary, its current version and the newest its source offers. */
    List<OutdatedBinary> outdated();

    /** How the asset of a binary would be chosen on {@code platform}: every candidate with its score. */
    String explain(String binary, Platform platform);

    /** The stack's {@code pitstop.lock.json} as it is now. */
    Manifest manifest();

    /** Checks the store's bytes and that every running process runs the current version of its binary. */
    VerifyReport verify();

    /** Name, PID, start time, executable SHA-256 and version of every running process. */
    Snapshot snapshot();

    @Override
    void close();
}
