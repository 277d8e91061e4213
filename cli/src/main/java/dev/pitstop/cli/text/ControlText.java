package dev.pitstop.cli.text;

import dev.pitstop.control.ReloadFailed;
import dev.pitstop.control.Reloaded;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Human-readable renderings of the process operations: the {@code ps} table, reloads, apply, events, logs.
 */
final class ControlText {
    private static final String[] PS_HEADER = {"NAME", "STATE", "HEALTH", "PID", "RESTARTS", "UPTIME", "EXIT"};

    private ControlText() {}

    /** The table; a STATUS column (sd_notify's {@code STATUS=}) only when a process said something. */
    static String table(List<ProcessStatus> statuses, Instant now) {
        boolean said = statuses.stream().anyMatch(s -> s.statusText() != null);
        List<String[]> rows = new ArrayList<>();
        rows.add(said ? withStatus(PS_HEADER, "STATUS") : PS_HEADER);
        for (ProcessStatus s : statuses) {
            boolean alive = s.pid() > 0 && !s.state().isTerminal();
            String[] row = {
                s.name(), s.state().label(), s.health().label(),
                s.pid() > 0 ? Long.toString(s.pid()) : "-",
                Integer.toString(s.restarts()),
                alive && s.startedAt() != null ? uptime(Duration.between(s.startedAt(), now)) : "-",
                s.exitCode() == null ? "-" : s.exitCode().toString()};
            rows.add(said ? withStatus(row, s.statusText() == null ? "-" : s.statusText()) : row);
        }
        return align(rows);
    }

    private static String[] withStatus(String[] row, String status) {
        String[] longer = java.util.Arrays.copyOf(row, row.length + 1);
        longer[row.length] = status;
        return longer;
    }

    static String align(List<String[]> rows) {
        return TextColumns.align(rows);
    }

    /** Compact uptime as in {@code 45s}, {@code 3m05s}, {@code 2h07m}, {@code 3d04h}. */
    static String uptime(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + twoDigits(s % 60) + "s";
        }
        if (s < 86400) {
            return s / 3600 + "h" + twoDigits(s % 3600 / 60) + "m";
        }
        return s / 86400 + "d" + twoDigits(s % 86400 / 3600) + "h";
    }

    /** Not {@code String.format}: its Formatter loads the locale data, a cost {@code pitstop ps} pays per run. */
    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    static String reloaded(Reloaded r) {
        return r.name() + ": pid " + r.oldPid() + " \u2192 " + r.newPid()
                + (r.sha256() == null ? "" : ", sha256 " + r.sha256().substring(0, 12))
                + ", took " + r.tookMs() + " ms\n";
    }

    /** The reason line and the last log lines; {@code prefix} names the process when several reloaded. */
    static String reloadFailed(String prefix, ReloadFailed f) {
        StringBuilder out = new StringBuilder(prefix).append("reload failed: ").append(f.error()).append('\n');
        if (f.lastLogLines() != null && !f.lastLogLines().isEmpty()) {
            out.append("  last log lines:\n");
            f.lastLogLines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
        return out.toString();
    }

    static String applied(ApplyResult r) {
        return "started:   " + names(r.started()) + "\nstopped:   " + names(r.stopped())
                + "\nrestarted: " + names(r.restarted()) + "\nunchanged: " + names(r.unchanged()) + '\n';
    }

    static String event(Event e) {
        return e.time() + "  " + e.seq() + "  " + e.type() + (e.process() == null ? "" : "  " + e.process())
                + (e.detail() == null || e.detail().isEmpty() ? "" : "  " + e.detail()) + '\n';
    }

    static String logLine(LogLine l) {
        return l.text() + '\n';
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }
}
