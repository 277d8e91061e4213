package dev.pitstop.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the process supervisor, validated once on construction.
 *
 * @param survivalWindow how long a process without readiness probe and without {@code ready_log_line} must stay
 *                       up to count as ready (for {@code process_healthy} and for reload)
 * @param logBufferLines lines kept in memory per process (for {@code logs}); also the queue size of each follower
 * @param maxLineLength  bytes of one output line kept; the rest of a longer line is dropped and marked
 * @param logRotateBytes size at which {@code <name>.log} is rotated to {@code <name>.log.1}
 * @param logKeepFiles   rotated files kept ({@code .1} … {@code .N}); 0 keeps none
 * @param backoffCap     upper bound of the exponentially growing restart delay
 * @param healthyResetWindow a process that stayed up this long before it exited restarts with the initial delay again
 * @param backoffFloor   the shortest delay before restarting a crash that follows another one within the reset
 *                       window; the first crash of a series restarts after {@code backoff_seconds}, at once for 0
 */
public record SupervisorConfig(Duration survivalWindow, int logBufferLines, int maxLineLength, long logRotateBytes,
                               int logKeepFiles, Duration backoffCap, Duration healthyResetWindow,
                               Duration backoffFloor) {

    private static final Duration DEFAULT_BACKOFF_FLOOR = Duration.ofMillis(50);

    public static final SupervisorConfig DEFAULTS = new SupervisorConfig(Duration.ofSeconds(1), 1000, 8 * 1024,
            10L * 1024 * 1024, 3, Duration.ofSeconds(60), Duration.ofSeconds(10), DEFAULT_BACKOFF_FLOOR);

    /** Tuning with the default backoff floor (50 ms). */
    public SupervisorConfig(Duration survivalWindow, int logBufferLines, int maxLineLength, long logRotateBytes,
                            int logKeepFiles, Duration backoffCap, Duration healthyResetWindow) {
        this(survivalWindow, logBufferLines, maxLineLength, logRotateBytes, logKeepFiles, backoffCap,
                healthyResetWindow, DEFAULT_BACKOFF_FLOOR);
    }

    public SupervisorConfig {
        requirePositive("survivalWindow", survivalWindow);
        requirePositive("backoffCap", backoffCap);
        requirePositive("healthyResetWindow", healthyResetWindow);
        requirePositive("backoffFloor", backoffFloor);
        if (logBufferLines < 1) {
            throw new IllegalArgumentException("logBufferLines must be at least 1, not " + logBufferLines);
        }
        if (maxLineLength < 16) {
            throw new IllegalArgumentException("maxLineLength must be at least 16 bytes, not " + maxLineLength);
        }
        if (logRotateBytes < 1024) {
            throw new IllegalArgumentException("logRotateBytes must be at least 1024, not " + logRotateBytes);
        }
        if (logKeepFiles < 0) {
            throw new IllegalArgumentException("logKeepFiles must not be negative, not " + logKeepFiles);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    public SupervisorConfig withSurvivalWindow(Duration value) {
        return new SupervisorConfig(value, logBufferLines, maxLineLength, logRotateBytes, logKeepFiles, backoffCap,
                healthyResetWindow, backoffFloor);
    }

    public SupervisorConfig withLogBufferLines(int value) {
        return new SupervisorConfig(survivalWindow, value, maxLineLength, logRotateBytes, logKeepFiles, backoffCap,
                healthyResetWindow, backoffFloor);
    }

    public SupervisorConfig withMaxLineLength(int value) {
        return new SupervisorConfig(survivalWindow, logBufferLines, value, logRotateBytes, logKeepFiles, backoffCap,
                healthyResetWindow, backoffFloor);
    }

    public SupervisorConfig withLogRotation(long rotateBytes, int keepFiles) {
        return new SupervisorConfig(survivalWindow, logBufferLines, maxLineLength, rotateBytes, keepFiles, backoffCap,
                healthyResetWindow, backoffFloor);
    }

    public SupervisorConfig withBackoff(Duration cap, Duration resetWindow) {
        return new SupervisorConfig(survivalWindow, logBufferLines, maxLineLength, logRotateBytes, logKeepFiles, cap,
                resetWindow, backoffFloor);
    }

    public SupervisorConfig withBackoffFloor(Duration floor) {
        return new SupervisorConfig(survivalWindow, logBufferLines, maxLineLength, logRotateBytes, logKeepFiles,
                backoffCap, healthyResetWindow, floor);
    }
}
