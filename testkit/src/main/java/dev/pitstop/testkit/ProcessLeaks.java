package dev.pitstop.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds processes a test left behind, from {@code /proc}: every descendant of this JVM (zombies included: an
 * unreaped child is a leak) and every living member of the given process groups (which catches grandchildren that
 * were re-parented to init).
 *
 * <pre>{@code
 * long pgid = supervisor.status("web").pid();   // Pitstop runs each process as its own group
 * supervisor.down();
 * await().atMost(5, SECONDS).untilAsserted(() -> ProcessLeaks.assertNone(List.of(pgid)));
 * }</pre>
 */
public final class ProcessLeaks {
    private static final Path PROC = Path.of("/proc");

    private ProcessLeaks() {}

    /** One process found in {@code /proc}. */
    public record ProcInfo(long pid, long ppid, long pgrp, long session, char state, String command) {
        public boolean zombie() {
            return state == 'Z';
        }

        @Override
        public String toString() {
            return pid + " (ppid " + ppid + ", pgrp " + pgrp + ", state " + state + ") " + command;
        }
    }

    /** Every process on the machine that we may read. */
    public static List<ProcInfo> snapshot() {
        List<ProcInfo> all = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC,
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                ProcInfo info = read(dir);
                if (info != null) {
                    all.add(info);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return all;
    }

    private static ProcInfo read(Path dir) {
        try {
            String stat = new String(Files.readAllBytes(dir.resolve("stat")), StandardCharsets.UTF_8);
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] rest = stat.substring(close + 2).split(" ", 5);
            return new ProcInfo(Long.parseLong(stat.substring(0, open).trim()), Long.parseLong(rest[1]),
                    Long.parseLong(rest[2]), Long.parseLong(rest[3]), rest[0].charAt(0),
                    commandOf(dir, stat.substring(open + 1, close)));
        } catch (IOException | RuntimeException e) {
            return null; // gone while we looked
        }
    }

    private static String commandOf(Path dir, String comm) {
        try {
            String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
            return cmdline.isEmpty() ? "[" + comm + "]" : cmdline;
        } catch (IOException e) {
            return "[" + comm + "]";
        }
    }

    /** Descendants of {@code ancestor} (not itself), following ppid chains. */
    public static List<ProcInfo> descendantsOf(long ancestor, List<ProcInfo> all) {
        Map<Long, List<ProcInfo>> children = new HashMap<>();
        all.forEach(p -> children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p));
        List<ProcInfo> found = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(ancestor));
        Set<Long> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            for (ProcInfo child : children.getOrDefault(todo.remove(todo.size() - 1), List.of())) {
                if (seen.add(child.pid())) {
                    found.add(child);
                    todo.add(child.pid());
                }
            }
        }
        return found;
    }

    /** Descendants of this JVM plus members of {@code groups}: what a test must not leave behind. */
    public static List<ProcInfo> find(Collection<Long> groups) {
        List<ProcInfo> all = snapshot();
        Map<Long, ProcInfo> leaks = new HashMap<>();
        descendantsOf(ProcessHandle.current().pid(), all).forEach(p -> leaks.put(p.pid(), p));
        Set<Long> wanted = new HashSet<>(groups);
        // a zombie in a group is dead; once re-parented to init it is init's to reap, and some inits take seconds
        all.stream().filter(p -> wanted.contains(p.pgrp()) && !p.zombie()).forEach(p -> leaks.put(p.pid(), p));
        return new ArrayList<>(leaks.values());
    }

    /** @throws AssertionError naming every leaked process */
    public static void assertNone(Collection<Long> groups) {
        List<ProcInfo> leaks = find(groups);
        if (!leaks.isEmpty()) {
            throw new AssertionError("leaked processes:\n  "
                    + leaks.stream().map(ProcInfo::toString).collect(Collectors.joining("\n  ")));
        }
    }

    public static void assertNone() {
        assertNone(List.of());
    }
}
