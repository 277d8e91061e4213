package dev.pitstop.supervisor.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link ProcessTable} of Linux, read from {@code /proc}. */
final class ProcFs implements ProcessTable {
    private static final Path PROC = Path.of("/proc");
    /** Whether this kernel has {@code /proc/PID/task/TID/children} (CONFIG_PROC_CHILDREN), asked once. */
    private static final boolean CHILDREN_FILES = Files.exists(Path.of("/proc/thread-self/children"));

    @Override
    public List<Stat> all() {
        List<Stat> all = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, ProcFs::isPidDir)) {
            for (Path dir : dirs) {
                read(dir).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return all;
    }

    /**
     * Reads {@code /proc/PID/task/TID/children} of every thread (a child, an orphan re-parented to a subreaper too,
     * belongs to the thread that became its parent), so a sweep with 500 children reads some twenty small files
     * instead of the stat of every process on the machine. Falls back to every process where the kernel lacks them.
     */
    @Override
    public List<Stat> childrenOf(long pid) {
        List<Stat> children = new ArrayList<>();
        for (long child : childPids(pid)) {
            stat(child).ifPresent(children::add);
        }
        return children;
    }

    @Override
    public List<Long> childPids(long pid) {
        if (!CHILDREN_FILES) {
            return ProcessTable.super.childPids(pid);
        }
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
            for (Path thread : threads) {
                String text;
                try {
                    text = Files.readString(thread.resolve("children"), StandardCharsets.US_ASCII).trim();
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                for (String child : text.isEmpty() ? new String[0] : text.split(" ")) {
                    children.add(Long.parseLong(child));
                }
            }
        } catch (IOException e) {
            return ProcessTable.super.childPids(pid);
        }
        return children;
    }

    @Override
    public Optional<Stat> stat(long pid) {
        return read(PROC.resolve(Long.toString(pid)));
    }

    @Override
    public Map<String, String> environ(long pid) {
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

    @Override
    public String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code /proc/PID/exe}: opens the executable even when it was replaced or deleted on disk since. */
    @Override
    public Optional<Path> executable(long pid) {
        Path exe = PROC.resolve(pid + "/exe");
        return Files.exists(exe) ? Optional.of(exe) : Optional.empty();
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
