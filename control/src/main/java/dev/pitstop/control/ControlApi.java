package dev.pitstop.control;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Platform;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PlatformFetchRequest;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a client can ask of a stack, records in and records out. Three implementations answer the same:
 * {@link LocalControl} over an {@code Engine} in this process, {@link RemoteControl} over a running stack's
 * control socket, and the socket's {@link ControlServer}, which serves a {@code LocalControl} as HTTP + JSON
 * (routes in {@code docs/cli.md}).
 *
 * <p>Outcomes that are facts rather than errors (a reload or swap that failed and was rolled back, a verify that
 * found mismatches) are answers; refusals are {@link dev.pitstop.core.PitstopException}s: an unknown process is
 * an {@link dev.pitstop.core.process.UnknownProcessException}, a refusal over the socket a
 * {@link ControlException} with its HTTP status, no stack at the socket a {@link NotRunningException}.
 */
public interface ControlApi {
    List<ProcessStatus> processes();

    ProcessStatus process(String name);

    /** Reloads one process and waits until it is ready (or failed and was rolled back). */
    ReloadOutcome reload(String name);

    /** Reloads several processes in parallel; one outcome per name, in order. */
    List<ReloadOutcome> reload(List<String> names);

    void restart(String name);

    void start(String name);

    void stop(String name);

    /** Re-reads the stack file and applies the difference. */
    ApplyResult apply();

    /** Stops every process and the stack; returns when none is left. */
    void down();

    List<LogLine> logs(String name, int lastN);

    /**
     * The last {@code lastN} lines of a process, then every new one, until the stack stops or the thread is
     * interrupted.
     */
    void followLogs(String name, int lastN, Consumer<LogLine> each) throws InterruptedException;

    List<Event> events(int lastN);

    /** The last {@code lastN} events, then every new one, until the stack stops or the thread is interrupted. */
    void followEvents(int lastN, Consumer<Event> each) throws InterruptedException;

    SwapOutcome install(InstallRequest request);

    SwapOutcome rollback(RollbackRequest request);

    /**
     * Fetches and swaps in every selected binary that changed. A failed swap ends the run: its
     * {@link SwapFailed} is the last (and, over the socket, the only) element.
     */
    List<SwapOutcome> update(BinarySelection binaries);

    List<FetchResult> fetch(BinarySelection binaries);

    List<FetchResult> fetchFor(PlatformFetchRequest request);

    List<Outdated> outdated();

    /**
     * Pins each selected binary for each platform in {@code pitstop.lock.json}: see {@code Engine.lock}. Nothing is
     * installed; when one fails, nothing is written.
     */
    List<LockResult> lock(LockRequest request);

    /** A cheap upstream check of each binary (no download, no build): see {@code Engine.poll}. */
    List<PollResult> poll(BinarySelection binaries);

    /** @param platform the platform to choose for; empty for this machine's */
    Explained explain(String binary, Optional<Platform> platform);

    Manifest manifest();

    Verified verify();

    Snapshot snapshot();
}
