package dev.pitstop.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a process's merged stdout/stderr into lines of at most {@code maxLength} bytes, without ever holding more
 * than that in memory: the rest of a longer line is dropped and the line is marked as truncated.
 */
final class LinePump implements Runnable {
    static final String TRUNCATED = " [pitstop: line truncated]";

    private final InputStream in;
    private final int maxLength;
    private final Consumer<String> lines;
    private final Runnable drained;
    private final Runnable finished;
    private byte[] line = new byte[256];
    private int length;
    private boolean truncated;

    LinePump(InputStream in, int maxLength, Consumer<String> lines, Runnable drained, Runnable finished) {
        this.in = in;
        this.maxLength = maxLength;
        this.lines = lines;
        this.drained = drained;
        this.finished = finished;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    accept(buffer[i]);
                }
                if (in.available() == 0) {
                    drained.run();
                }
            }
        } catch (IOException e) {
            // the pipe was closed under us when the process was killed: the output simply ends here
        } finally {
            if (length > 0 || truncated) {
                emit();
            }
            drained.run();
            finished.run();
        }
    }

    private void accept(byte b) {
        if (b == '\n') {
            emit();
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
