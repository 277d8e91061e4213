package dev.pitstop.core.process;

import java.time.Instant;

/**
 * A snapshot of one supervised process.
 *
 * @param pid 0 when not running
 * @param exitCode of the last run, or {@code null} if it has not exited
 */
public record ProcessStatus(String name, ProcessState state, Health health, long pid, int restarts,
                            Instant startedAt, Integer exitCode) {

    /**
     * The status Process Compose reports for this process: one that ran and exited is {@code Completed}
     * whatever its exit code (Process Compose's terminal UI shows {@code Failed} for a failure), where
     * Pitstop says {@code Error}; {@code Error} there means it could not start.
     */
    public String processComposeStatus() {
        return state == ProcessState.ERROR && exitCode != null ? ProcessState.COMPLETED.label() : state.label();
    }
}
