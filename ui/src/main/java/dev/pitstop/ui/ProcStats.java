package dev.pitstop.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU and resident memory of a process, read from {@code /proc/PID/stat} and {@code /proc/PID/status}. CPU is
 * the share of one core used since the previous reading of the same PID (the first reading has none).
 * Where there is no {@code /proc} (macOS) every reading is empty.
 */
final class ProcStats {
    /** {@code /proc} counts CPU time in USER_HZ, which Linux fixes at 100 for user space on every architecture. */
    private static final double TICKS_PER_SECOND = 100;

    private final Path proc;
    private final Map<Long, Sample> previous = new HashMap<>();

    ProcStats(Path proc) {
        this.proc = proc;
    }

    /** @param cpuPercent of one core, or {@code null} before a second reading; @param rssBytes or {@code null} */
    record Usage(Double cpuPercent, Long rssBytes) {
        static final Usage NONE = new Usage(null, null);
    }

    private record Sample(long ticks, long nanos) {}

    synchronized Usage read(long pid) {
        if (pid <= 0) {
            return Usage.NONE;
        }
        Path dir = proc.resolve(Long.toString(pid));
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            long now = System.nanoTime();
            Sample before = previous.put(pid, new Sample(ticks, now));
            Double cpu = before == null || now == before.nanos() ? null
                    : Math.max(0, (ticks - before.ticks()) / TICKS_PER_SECOND * 1e9 / (now - before.nanos()) * 100);
            return new Usage(cpu, rss(dir.resolve("status")));
        } catch (IOException | RuntimeException gone) {
            previous.remove(pid);
            return Usage.NONE; // exited between ps and this reading, or no /proc here
        }
    }

    /** Forgets PIDs that no longer run, so the map does not grow with every restart. */
    synchronized void retain(java.util.Set<Long> running) {
        previous.keySet().retainAll(running);
    }

    private static Long rss(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        return null; // a zombie has no VmRSS
    }
}
