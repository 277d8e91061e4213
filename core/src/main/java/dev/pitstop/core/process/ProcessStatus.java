package dev.pitstop.core.process;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one supervised process.
 *
 * @param pid 0 when not running
 * @param exitCode of the last run, or {@code null} if it has not exited
 * @param binaries the managed binaries the process names ({@code ${bin:NAME}}) with their current versions;
 *                 filled in by the engine, empty from a bare supervisor
 * @param statusText what the running process last said about itself ({@code STATUS=} over sd_notify), or
 *                   {@code null}
 */
public record ProcessStatus(String name, ProcessState state, Health health, long pid, int restarts,
                            Instant startedAt, Integer exitCode, List<ProcessBinary> binaries, String statusText) {

    public ProcessStatus {
        binaries = binaries == null ? List.of() : List.copyOf(binaries);
    }

    /** A status without a process's own status text. */
    public ProcessStatus(String name, ProcessState state, Health health, long pid, int restarts, Instant startedAt,
                         Integer exitCode, List<ProcessBinary> binaries) {
        this(name, state, health, pid, restarts, startedAt, exitCode, binaries, null);
    }

    /** A status without binary information, as the supervisor knows it. */
    public ProcessStatus(String name, ProcessState state, Health health, long pid, int restarts, Instant startedAt,
                         Integer exitCode) {
        this(name, state, health, pid, restarts, startedAt, exitCode, List.of(), null);
    }

    public ProcessStatus withBinaries(List<ProcessBinary> running) {
        return new ProcessStatus(name, state, health, pid, restarts, startedAt, exitCode, running, statusText);
    }

    /**
     * The status Process Compose reports for this process: one that ran and exited is {@code Completed}
     * whatever its exit code (Process Compose's terminal UI shows {@code Failed} for a failure), where
     * Pitstop says {@code Error}; {@code Error} there means it could not start.
     */
    public String processComposeStatus() {
        return state == ProcessState.ERROR && exitCode != null ? ProcessState.COMPLETED.label() : state.label();
    }
}
