package dev.pitstop.cli.local;

import dev.pitstop.core.source.FetchProgress;
import dev.pitstop.core.source.ProgressListener;
import java.io.PrintWriter;

/**
 * A one-line download progress bar on a terminal, redrawn in place ({@code \r}) at most every whole percent,
 * and ended with a newline when the download completes. Used only when the output is a TTY and not
 * {@code --json}, so scripts and logs never see it.
 */
final class ProgressBar implements FetchProgress {
    private static final int WIDTH = 30;

    private final PrintWriter err;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public ProgressListener start(String binary) {
        return new ProgressListener() {
            private long lastPercent = -1;
            private long lastMiB = -1;

            @Override
            public void progress(long done, long total) {
                if (total > 0) {
                    long percent = Math.min(100, done * 100 / total);
                    if (percent == lastPercent) {
                        return;
                    }
                    lastPercent = percent;
                    int filled = (int) (percent * WIDTH / 100);
                    err.printf("\r%-16s [%s%s] %3d%%  %s / %s", binary, "#".repeat(filled), " ".repeat(WIDTH - filled),
                            percent, size(done), size(total));
                    if (done >= total) {
                        err.println();
                    }
                } else {
                    long mib = done >> 20;
                    if (mib == lastMiB) {
                        return;
                    }
                    lastMiB = mib;
                    err.printf("\r%-16s %s", binary, size(done));
                }
                err.flush();
            }
        };
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MiB", bytes / 1048576.0) : String.format("%.1f KiB", bytes / 1024.0);
    }
}
