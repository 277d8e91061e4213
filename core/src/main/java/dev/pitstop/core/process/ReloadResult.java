package dev.pitstop.core.process;

import dev.pitstop.core.Sha256;
import java.time.Duration;

/**
 * The outcome of a successful reload.
 *
 * @param executable SHA-256 of the executable the new process runs (read through {@code /proc/PID/exe}),
 *                   or {@code null} where the platform does not expose it
 */
public record ReloadResult(String name, long oldPid, long newPid, Sha256 executable, Duration took) {}
