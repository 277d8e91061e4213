package dev.pitstop.cli.local;

import dev.pitstop.core.source.FetchProgress;
import dev.pitstop.core.source.ProgressListener;
import java.io.PrintWriter;

/**
 * Fetch progress for people. On a terminal: a download bar, or for a source build a status line (fetching,
 * checking out, building with the elapsed time and the build's last output line), redrawn in place and ended
 * with a newline when the fetch is done, reused or failed. Elsewhere (a log, a pipe): no download bars, and one
 * plain line per step of a build only, so that scripts and logs of plain downloads see nothing.
 */
public final class ProgressBar implements FetchProgress {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;

    /** @param terminal whether {@code out} is a terminal: redraw in place, else plain lines */
    public ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public ProgressListener start(String binary) {
        return terminal ? new Bar(binary) : new BuildSteps(out, binary);
    }

    private final class Bar implements ProgressListener {
        private final String binary;
        private final BuildLine line;
        private long lastPercent = -1;
        private long lastMiB = -1;

        Bar(String binary) {
            this.binary = binary;
            this.line = new BuildLine(out, binary);
        }

        @Override
        public void stage(String stage, String detail) {
            line.stage(stage, detail);
        }

        @Override
        public void progress(long done, long total) {
            if (total > 0) {
                long percent = Math.min(100, done * 100 / total);
                if (percent == lastPercent) {
                    return;
                }
                lastPercent = percent;
                int filled = (int) (percent * WIDTH / 100);
                out.printf("\r%-16s [%s%s] %3d%%  %s / %s", binary, "#".repeat(filled), " ".repeat(WIDTH - filled),
                        percent, size(done), size(total));
                if (done >= total) {
                    out.println();
                }
            } else {
                long mib = done >> 20;
                if (mib == lastMiB) {
                    return;
                }
                lastMiB = mib;
                out.printf("\r%-16s %s", binary, size(done));
            }
            out.flush();
        }
    }

    static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MiB", bytes / 1048576.0) : String.format("%.1f KiB", bytes / 1024.0);
    }
}
