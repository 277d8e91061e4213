package dev.pitstop.core.process;

import java.time.Instant;

/**
 * A snapshot of one supervised process.
 *
 * @param pid 0 when not running
 * @param exitCode of the last run, or {@code null} if it has not exited
 */
public record ProcessStatus(String name, ProcessState state, Health health, long pid, int restarts,
                            Instant startedAt, Integer exitCode) {}
