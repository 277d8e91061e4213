package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A readiness or liveness probe with Process Compose's (and Kubernetes') defaults:
 * initial delay 0 s, period 10 s, timeout 1 s, success threshold 1, failure threshold 3.
 */
public record ProbeSpec(Action action, Duration initialDelay, Duration period, Duration timeout,
                        int successThreshold, int failureThreshold) {
    public ProbeSpec {
        initialDelay = initialDelay == null ? Duration.ZERO : initialDelay;
        period = period == null || period.isZero() ? Duration.ofSeconds(10) : period;
        timeout = timeout == null || timeout.isZero() ? Duration.ofSeconds(1) : timeout;
    }


    /** What one probe attempt does. */
    public sealed interface Action permits Exec, HttpGet, Tcp {}

    /** Runs {@code command} through the stack's shell; exit code 0 is success. */
    public record Exec(String command, Path workingDir) implements Action {}

    /**
     * A GET. With {@code statusCode} 0 any 2xx or 3xx status is success; otherwise exactly that status is
     * (Process Compose's {@code status_code}, which it defaults to 200). {@code port} 0 means the scheme's
     * default port, which is what Process Compose does with a port that is not a number.
     */
    public record HttpGet(String scheme, String host, int port, String path, Map<String, String> headers,
                          int statusCode) implements Action {
        public HttpGet(String scheme, String host, int port, String path, Map<String, String> headers) {
            this(scheme, host, port, path, headers, 0);
        }
    }

    /** A TCP connect that succeeds is success (Pitstop extension). */
    public record Tcp(String host, int port) implements Action {}

    public static ProbeSpec withDefaults(Action action) {
        return new ProbeSpec(action, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(1), 1, 3);
    }
}
