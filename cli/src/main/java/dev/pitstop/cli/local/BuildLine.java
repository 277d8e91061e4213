package dev.pitstop.cli.local;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The in-place status line of one fetch on a terminal: {@code hello  building 12 s  cc -O2 -o hello hello.c}. While
 * a build runs, a named daemon thread redraws it every second so the elapsed time moves even when the build is
 * silent; the line ends with a newline at {@code done}, {@code reused} or {@code failed}. Downloads draw their own
 * bar, so nothing is drawn until a step other than {@code fetching} arrives.
 */
final class BuildLine {
    private static final String CLEAR = "\r\u001b[K";
    private static final int DETAIL = 60;

    private final PrintWriter out;
    private final String binary;
    private String stage;
    private String detail;
    private long buildStarted;
    private boolean drawn;
    private ScheduledExecutorService ticker;

    BuildLine(PrintWriter out, String binary) {
        this.out = out;
        this.binary = binary;
    }

    synchronized void stage(String next, String nextDetail) {
        boolean end = next.equals("done") || next.equals("reused") || next.equals("failed");
        if (next.equals("building") && buildStarted == 0) {
            buildStarted = System.nanoTime();
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pitstop-progress-" + binary);
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        }
        stage = next;
        detail = nextDetail == null && next.equals("building") ? detail : nextDetail;
        if (end) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            if (drawn || buildStarted != 0 || next.equals("reused")) {
                draw();
                out.println();
                out.flush();
            }
        } else if (!next.equals("fetching") || drawn) {
            draw();
        }
    }

    private synchronized void redraw() {
        if (ticker != null && !ticker.isShutdown()) {
            draw();
        }
    }

    private void draw() {
        StringBuilder text = new StringBuilder(CLEAR).append(String.format("%-16s %s", binary, stage));
        if (buildStarted != 0) {
            text.append(' ').append((System.nanoTime() - buildStarted) / 1_000_000_000).append(" s");
        }
        if (detail != null && !detail.isBlank()) {
            String d = detail.strip();
            text.append("  ").append(d.length() > DETAIL ? d.substring(0, DETAIL - 1) + "…" : d);
        }
        out.print(text);
        out.flush();
        drawn = true;
    }
}
