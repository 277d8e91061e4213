package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.OutputSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Splits a process's merged stdout/stderr into lines of at most {@code maxLength} bytes, without ever holding more
 * than that in memory: the rest of a longer line is dropped and the line is marked as truncated. Output that does
 * not end in a newline (a prompt, a progress bar) is emitted as a line once {@link #PARTIAL_LINE_WAIT} passed
 * without more output, so it is logged although the newline never comes. Fed by the platform's I/O loop.
 */
final class LineSplitter implements OutputSink {
    static final String TRUNCATED = " [pitstop: line truncated]";
    static final Duration PARTIAL_LINE_WAIT = Duration.ofMillis(500);

    private final int maxLength;
    private final Consumer<String> lines;
    private final Runnable drained;
    private final Runnable finished;
    private final ScheduledExecutorService timers;
    private byte[] line = new byte[256];
    private int length;
    private boolean truncated;
    /** The text before the pending newline was already emitted: the newline alone ends no new line. */
    private boolean flushedPartial;
    private ScheduledFuture<?> partialTimer;
    private long bytesSeen;

    LineSplitter(int maxLength, Consumer<String> lines, Runnable drained, Runnable finished,
             ScheduledExecutorService timers) {
        this.maxLength = maxLength;
        this.lines = lines;
        this.drained = drained;
        this.finished = finished;
        this.timers = timers;
    }

    @Override
    public void end() {
        synchronized (this) {
            cancelTimer();
            if (length > 0 || truncated) {
                emit();
            }
        }
        drained.run();
        finished.run();
    }

    @Override
    public void drained() {
        drained.run();
    }

    @Override
    public synchronized void accept(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            accept(buffer[i]);
        }
        bytesSeen += n;
        if ((length > 0 || truncated) && partialTimer == null) {
            arm();
        }
    }

    private void arm() {
        long seen = bytesSeen;
        try {
            partialTimer = timers.schedule(() -> flushPartial(seen), PARTIAL_LINE_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            partialTimer = null; // the supervisor is closing: the end of the pipe emits what is left
        }
    }

    private synchronized void flushPartial(long seenWhenArmed) {
        partialTimer = null;
        if (length == 0 && !truncated) {
            return;
        }
        if (bytesSeen != seenWhenArmed) { // more came meanwhile: wait for a quiet period again
            arm();
            return;
        }
        emit();
        flushedPartial = true;
        drained.run();
    }

    private void cancelTimer() {
        if (partialTimer != null) {
            partialTimer.cancel(false);
            partialTimer = null;
        }
    }

    private void accept(byte b) {
        if (b == '\n') {
            if (length > 0 || truncated || !flushedPartial) {
                emit();
            }
            flushedPartial = false;
            cancelTimer();
        } else if (length < maxLength) {
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLength, line.length * 2));
            }
            line[length++] = b;
        } else {
            truncated = true;
        }
    }

    private void emit() {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        lines.accept(truncated ? text + TRUNCATED : text);
        length = 0;
        truncated = false;
    }
}
