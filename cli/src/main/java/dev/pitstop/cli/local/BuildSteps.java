package dev.pitstop.cli.local;

import dev.pitstop.core.source.ProgressListener;
import java.io.PrintWriter;

/**
 * The steps of a source build as plain lines, for a log or a pipe: {@code hello: checking out 1a2b3c4},
 * {@code hello: building}, {@code hello: built in 2.3 s (main@1a2b3c4)}, or {@code hello: reused …}. The build's
 * own output goes to its log, not here; a plain download prints nothing.
 */
final class BuildSteps implements ProgressListener {
    private final PrintWriter out;
    private final String binary;
    private long buildStarted;
    private String last;

    BuildSteps(PrintWriter out, String binary) {
        this.out = out;
        this.binary = binary;
    }

    @Override
    public void progress(long bytesSoFar, long totalBytes) {
        // no download bars outside a terminal
    }

    @Override
    public synchronized void stage(String stage, String detail) {
        if (stage.equals(last)) {
            return; // "building" again with another output line
        }
        String previous = last;
        last = stage;
        switch (stage) {
            case "checking out" -> {
                print("fetching");
                print("checking out " + detail);
            }
            case "building" -> {
                buildStarted = System.nanoTime();
                print("building");
            }
            case "done" -> {
                if (buildStarted != 0) {
                    print(String.format("built in %.1f s (%s)", (System.nanoTime() - buildStarted) / 1e9, detail));
                }
            }
            case "reused" -> print("reused: a stored build has the same inputs (" + detail + ")");
            case "failed" -> {
                if (previous != null && !previous.equals("fetching")) {
                    print("failed");
                }
            }
            default -> { }
        }
    }

    private void print(String text) {
        out.println(binary + ": " + text);
        out.flush();
    }
}
