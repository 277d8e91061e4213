package dev.pitstop.supervisor.platform;

import com.sun.jna.Memory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ProcessTable} of macOS, from libproc: {@code proc_listallpids}, {@code proc_pidinfo(PROC_PIDTBSDINFO)}
 * for parent, group, state and start time (microseconds), {@code proc_pidpath} for the executable. The environment
 * markers and command lines come from {@code ps -E}. Not run in CI: tested against fakes.
 */
final class LibprocTable implements ProcessTable {
    /** Offsets in {@code struct proc_bsdinfo}. */
    static final int STATUS = 4;
    static final int PPID = 16;
    static final int PGID = 100;
    static final int START_SECONDS = 120;
    static final int START_MICROS = 128;
    /** {@code SZOMB} in {@code pbi_status}. */
    static final int ZOMBIE = 5;

    private final DarwinLib c;
    private final PsTable ps;

    LibprocTable(DarwinLib c, PsTable ps) {
        this.c = c;
        this.ps = ps;
    }

    @Override
    public List<Stat> all() {
        ps.all(); // one listing of the markers, for the environ() calls that follow
        int count = c.proc_listallpids(null, 0);
        if (count <= 0) {
            return List.of();
        }
        int room = count + 64; // processes start while we look
        Memory pids = new Memory(4L * room);
        int n = c.proc_listallpids(pids, 4 * room);
        List<Stat> all = new ArrayList<>(Math.max(n, 0));
        for (int i = 0; i < n; i++) {
            stat(pids.getInt(4L * i)).ifPresent(all::add);
        }
        return all;
    }

    @Override
    public Optional<Stat> stat(long pid) {
        Memory info = new Memory(DarwinLib.BSDINFO_SIZE);
        if (pid <= 0 || c.proc_pidinfo((int) pid, DarwinLib.PROC_PIDTBSDINFO, 0, info, DarwinLib.BSDINFO_SIZE)
                != DarwinLib.BSDINFO_SIZE) {
            return Optional.empty();
        }
        char state = info.getInt(STATUS) == ZOMBIE ? 'Z' : 'S';
        long start = info.getLong(START_SECONDS) * 1_000_000L + info.getLong(START_MICROS);
        int session = c.getsid((int) pid);
        return Optional.of(new Stat(pid, state, Integer.toUnsignedLong(info.getInt(PPID)),
                Integer.toUnsignedLong(info.getInt(PGID)), session < 0 ? 0 : session, start));
    }

    @Override
    public Map<String, String> environ(long pid) {
        return ps.environ(pid);
    }

    @Override
    public String commandLine(long pid) {
        return ps.commandLine(pid);
    }

    @Override
    public Optional<Path> executable(long pid) {
        Memory path = new Memory(DarwinLib.PROC_PIDPATHINFO_MAXSIZE);
        int n = c.proc_pidpath((int) pid, path, DarwinLib.PROC_PIDPATHINFO_MAXSIZE);
        return n <= 0 ? Optional.empty() : Optional.of(Path.of(path.getString(0)));
    }
}
