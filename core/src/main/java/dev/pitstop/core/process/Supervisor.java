package dev.pitstop.core.process;

import dev.pitstop.core.Subscription;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.stack.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the processes of one stack: dependency order, probes, restarts, logs, shutdown, reload.
 * Implemented by the {@code supervisor} module; the {@code Engine} drives it.
 */
public interface Supervisor extends AutoCloseable {

    /** Starts every enabled process, each as soon as its {@code depends_on} conditions hold; returns at once. */
    void up(Stack stack);

    /** Stops every process (reverse dependency order when {@code ordered_shutdown}) and waits until all are gone. */
    void down();

    List<ProcessStatus> ps();

    ProcessStatus status(String name);

    /**
     * Stops the process, starts it again from whatever the command names on disk now, and waits until it is
     * ready (probe, log line, or a short survival window). Concurrent reloads of one name coalesce.
     *
     * @throws ReloadFailedException if the new process exits or is not ready within its reload timeout
     */
    ReloadResult reload(String name);

    void restart(String name);

    void start(String name);

    void stop(String name);

    /** Re-reads the stack: stops removed processes, starts added ones, restarts only changed ones. */
    ApplyResult apply(Stack newStack);

    /** The last {@code n} buffered lines of a process. */
    List<LogLine> logs(String name, int n);

    /** A subscription to new log lines; close it to stop. */
    Subscription followLogs(String name, java.util.function.Consumer<LogLine> consumer);

    Subscription addListener(EventListener listener);

    /**
     * Why the readiness probe of a process failed last, while it is not ready; empty when it has no probe, passes,
     * or the supervisor does not tell.
     */
    default Optional<String> lastProbeError(String name) {
        return Optional.empty();
    }

    /**
     * Runs {@code command} the way process {@code name}'s own command runs (the stack's shell, its working folder
     * and environment, after the launch check) to completion or {@code timeout}, then kills what is left of it; the
     * process itself is not touched. A swap runs a process's {@code preflight} this way against the new binary.
     */
    CheckResult runCheck(String name, String command, Duration timeout);

    /** Adds an event of the engine's own (binary stored, swapped, rolled back) to the stack's event stream. */
    void publish(EventType type, String process, String detail);

    /** Blocks until the stack is down (by {@link #down()} or {@code exit_on_failure}) or the timeout passes. */
    boolean awaitDown(Duration timeout) throws InterruptedException;

    /**
     * The exit code the stack ends with, as Process Compose computes it: the exit code of the process whose
     * {@code exit_on_failure} or {@code exit_on_end} brought it down (0 when that code counts as a success),
     * 1 after {@code exit_on_skipped}, else 0.
     */
    default int exitCode() {
        return 0;
    }

    /**
     * Completes once every process has ended (none running, starting, waiting for its dependencies or about
     * to restart), which is when Process Compose's project ends. The stack is not brought down by it.
     */
    default CompletableFuture<Void> ended() {
        return new CompletableFuture<>();
    }

    @Override
    void close();
}
