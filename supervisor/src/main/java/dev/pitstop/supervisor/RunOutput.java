package dev.pitstop.supervisor;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The lines of one run, as the I/O loop delivers them: into the process's log, to the run's listeners, and the first
 * one that matches {@code ready_log_line} makes the run ready.
 */
final class RunOutput implements Consumer<String> {
    private final Run run;
    private final ProcessLog log;
    private final Pattern readyLine;
    private final Runnable readyLineSeen;

    RunOutput(Run run, ProcessLog log, Pattern readyLine, Runnable readyLineSeen) {
        this.run = run;
        this.log = log;
        this.readyLine = readyLine;
        this.readyLineSeen = readyLineSeen;
    }

    /** The sink to spawn the run with. */
    LineSplitter splitter(int maxLineLength, ScheduledExecutorService timers) {
        return new LineSplitter(maxLineLength, this, log::flush, () -> run.pumped.complete(null), timers);
    }

    @Override
    public void accept(String text) {
        log.append(text);
        run.line(text);
        if (readyLine != null && !run.logLineSeen && readyLine.matcher(text).find()) {
            run.logLineSeen = true;
            readyLineSeen.run();
        }
    }
}
