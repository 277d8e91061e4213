package dev.pitstop.drill.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code /proc} (Linux): a process's descendants, the zombies among them, its descriptors and RSS.
 * {@link ProcessHandle#descendants()} hides zombies, which are exactly what a leak check looks for.
 */
public final class ProcTable {
    private final Path proc;

    public ProcTable() {
        this(Path.of("/proc"));
    }

    ProcTable(Path proc) {
        this.proc = proc;
    }

    public boolean available() {
        return Files.isDirectory(proc.resolve("self"));
    }

    public Usage usage(long pid) {
        Map<Long, List<Stat>> children = new HashMap<>();
        for (Stat s : stats()) {
            children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
        }
        int descendants = 0;
        int zombies = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            for (Stat child : children.getOrDefault(todo.pop(), List.of())) {
                descendants++;
                zombies += child.state() == 'Z' ? 1 : 0;
                todo.push(child.pid());
            }
        }
        return new Usage(pid, descendants, zombies, fds(pid), rssKb(pid));
    }

    private int fds(long pid) {
        try (Stream<Path> fds = Files.list(proc.resolve(Long.toString(pid)).resolve("fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the descriptors of pid " + pid, e);
        }
    }

    private long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status of pid " + pid, e);
        }
    }

    private List<Stat> stats() {
        List<Stat> stats = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                Stat s = stat(p.resolve("stat"));
                if (s != null) {
                    stats.add(s);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc, e);
        }
        return stats;
    }

    /** {@code pid (comm) state ppid ...}; comm may hold spaces and parentheses, so it is cut at the last ')'. */
    static Stat stat(Path file) {
        String line;
        try {
            line = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null; // the process exited while the table was read
        } catch (IOException e) {
            return null; // another user's process may refuse; it cannot be a descendant that matters here
        }
        int close = line.lastIndexOf(')');
        String[] rest = line.substring(close + 2).split(" ", 3);
        return new Stat(Long.parseLong(line.substring(0, line.indexOf(' '))), rest[0].charAt(0),
                Long.parseLong(rest[1]));
    }

    record Stat(long pid, char state, long ppid) {}
}
