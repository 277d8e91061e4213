package dev.pitstop.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code /proc}: the only way to see group members, orphans and leftovers that are not our own children. */
final class ProcTable {
    private static final Path PROC = Path.of("/proc");

    /**
     * One line of {@code /proc/PID/stat}.
     *
     * @param startTicks when the process started, in clock ticks since boot: with the PID, it names one process
     *                   even after the PID was reused
     */
    record Stat(long pid, char state, long ppid, long pgrp, long session, long startTicks) {
        boolean dead() {
            return state == 'Z' || state == 'X';
        }
    }

    /**
     * Process group ids of every living process on the machine. Zombies are left out: they are dead, and an orphan's
     * zombie belongs to init, which may take a while to reap it (our own children are reaped by the JDK).
     */
    Set<Long> liveGroups() {
        Set<Long> groups = new HashSet<>();
        for (Stat s : all()) {
            if (!s.dead()) {
                groups.add(s.pgrp());
            }
        }
        return groups;
    }

    /** Every process we may read, zombies included. */
    List<Stat> all() {
        List<Stat> all = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, ProcTable::isPidDir)) {
            for (Path dir : dirs) {
                read(dir).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return all;
    }

    Optional<Stat> stat(long pid) {
        return read(PROC.resolve(Long.toString(pid)));
    }

    /** The process's environment as it was at exec; empty when it is gone, a zombie, or not ours to read. */
    Map<String, String> environ(long pid) {
        Map<String, String> env = new HashMap<>();
        try {
            String all = new String(Files.readAllBytes(PROC.resolve(pid + "/environ")), StandardCharsets.UTF_8);
            for (String entry : all.split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            env.clear();
        }
        return env;
    }

    /** The command line with arguments separated by spaces, or empty when it is gone (or a zombie). */
    String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isPidDir(Path p) {
        String name = p.getFileName().toString();
        return !name.isEmpty() && Character.isDigit(name.charAt(0));
    }

    private static Optional<Stat> read(Path dir) {
        try {
            String stat = new String(Files.readAllBytes(dir.resolve("stat")), StandardCharsets.UTF_8);
            // "pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
            //  cutime cstime priority nice num_threads itrealvalue starttime ...": comm may hold spaces and ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 21);
            long pid = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
            return Optional.of(new Stat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended while we looked
        }
    }
}
