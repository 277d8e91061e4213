package dev.pitstop.core.stack;

import dev.pitstop.core.process.Signal;
import java.time.Duration;

/**
 * How a process is stopped: the {@code command} if given, else {@code signal} to its process group
 * (only to the process itself when {@code parentOnly}); after {@code timeout} every remaining
 * member of the group is killed.
 */
public record ShutdownSpec(String command, Signal signal, Duration timeout, boolean parentOnly) {
    public static final ShutdownSpec DEFAULT = new ShutdownSpec(null, Signal.TERM, Duration.ofSeconds(10), false);

    public ShutdownSpec {
        signal = signal == null ? Signal.TERM : signal;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
}
