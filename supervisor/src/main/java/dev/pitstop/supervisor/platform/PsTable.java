package dev.pitstop.supervisor.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@link ProcessTable} of a system without {@code /proc}, read from {@code ps}: POSIX fields (pid, ppid, pgid,
 * state, elapsed time, arguments) plus the environment switch every {@code ps} we know has ({@code e} in procps,
 * {@code -E} on macOS), of which only Pitstop's own markers are read. Start times come from the elapsed time, so
 * they are whole seconds ({@link #sameStart} allows one second). The executable is unknown here.
 */
final class PsTable implements ProcessTable {
    private static final Pattern MARKER = Pattern.compile("(?:^|\\s)(PITSTOP_[A-Z_]+)=(\\S*)");
    private static final long TIMEOUT_SECONDS = 10;

    /** One row of the last listing, with the markers of its environment. */
    record Row(Stat stat, String args, Map<String, String> markers) {}

    private final List<String> environmentSwitch;
    private volatile Map<Long, Row> last = Map.of();

    /** @param environmentSwitch the arguments that make {@code ps} append the environment: {@code e} or {@code -E} */
    PsTable(List<String> environmentSwitch) {
        this.environmentSwitch = List.copyOf(environmentSwitch);
    }

    @Override
    public List<Stat> all() {
        Map<Long, Row> rows = run(List.of("-A"), true);
        last = rows;
        return rows.values().stream().map(Row::stat).toList();
    }

    @Override
    public Optional<Stat> stat(long pid) {
        return Optional.ofNullable(run(List.of("-p", Long.toString(pid)), false).get(pid)).map(Row::stat);
    }

    /** Only Pitstop's markers, from the last {@link #all} (or a fresh look at this one process). */
    @Override
    public Map<String, String> environ(long pid) {
        Row row = last.get(pid);
        if (row == null) {
            row = run(List.of("-p", Long.toString(pid)), true).get(pid);
        }
        return row == null ? Map.of() : row.markers();
    }

    @Override
    public String commandLine(long pid) {
        Row row = run(List.of("-p", Long.toString(pid)), false).get(pid);
        return row == null ? "" : row.args();
    }

    @Override
    public Optional<Path> executable(long pid) {
        return Optional.empty();
    }

    /** One {@code ps -p PID,PID,...} for all of them. */
    @Override
    public Map<Long, Long> startTimes(Collection<Long> pids) {
        Map<Long, Long> starts = new HashMap<>();
        run(List.of("-p", pids.stream().map(String::valueOf).collect(Collectors.joining(","))), false)
                .forEach((pid, row) -> starts.put(pid, row.stat().startTicks()));
        return starts;
    }

    @Override
    public boolean sameStart(long a, long b) {
        return Math.abs(a - b) <= 1;
    }

    private Map<Long, Row> run(List<String> which, boolean environment) {
        List<String> cmd = new ArrayList<>(List.of("ps", "-ww"));
        cmd.addAll(which);
        cmd.addAll(List.of("-o", "pid=", "-o", "ppid=", "-o", "pgid=", "-o", "stat=", "-o", "etime=", "-o", "args="));
        if (environment) {
            cmd.addAll(environmentSwitch);
        }
        long now = System.currentTimeMillis() / 1000;
        Map<Long, Row> rows = new HashMap<>();
        try {
            Process ps = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = ps.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!ps.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                ps.destroyForcibly();
            }
            for (String line : out.split("\n")) {
                parse(line.strip(), now).ifPresent(r -> rows.put(r.stat().pid(), r));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rows;
    }

    static Optional<Row> parse(String line, long nowSeconds) {
        String[] f = line.strip().split("\\s+", 6);
        if (f.length < 5) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(f[0]);
            long start = nowSeconds - elapsedSeconds(f[4]);
            String args = f.length == 6 ? f[5] : "";
            Map<String, String> markers = new HashMap<>();
            Matcher m = MARKER.matcher(args);
            while (m.find()) {
                markers.put(m.group(1), m.group(2));
            }
            // no session id in POSIX ps: the group leader's session is its own pid for what we start
            return Optional.of(new Row(new Stat(pid, f[3].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[2]), start), args, Map.copyOf(markers)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** POSIX {@code etime}: {@code [[dd-]hh:]mm:ss}. */
    static long elapsedSeconds(String etime) {
        long days = 0;
        String rest = etime;
        int dash = etime.indexOf('-');
        if (dash > 0) {
            days = Long.parseLong(etime.substring(0, dash));
            rest = etime.substring(dash + 1);
        }
        long seconds = 0;
        for (String part : rest.split(":")) {
            seconds = seconds * 60 + Long.parseLong(part);
        }
        return days * 86_400 + seconds;
    }
}
