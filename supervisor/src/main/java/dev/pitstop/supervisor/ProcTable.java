package dev.pitstop.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Reads {@code /proc/PID/stat}: the only way to see group members that are not our own children. */
final class ProcTable {
    private static final Path PROC = Path.of("/proc");

    /**
     * Process group ids of every living process on the machine. Zombies are left out: they are dead, and an orphan's
     * zombie belongs to init, which may take a while to reap it (our own children are reaped by the JDK).
     */
    Set<Long> liveGroups() {
        Set<Long> groups = new HashSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, ProcTable::isPidDir)) {
            for (Path dir : dirs) {
                long pgrp = pgrpOf(dir);
                if (pgrp > 0) {
                    groups.add(pgrp);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return groups;
    }

    private static boolean isPidDir(Path p) {
        String name = p.getFileName().toString();
        return !name.isEmpty() && Character.isDigit(name.charAt(0));
    }

    private static long pgrpOf(Path dir) {
        try {
            String stat = new String(Files.readAllBytes(dir.resolve("stat")), StandardCharsets.UTF_8);
            // "pid (comm) state ppid pgrp ..." where comm may contain spaces and parentheses
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
            char state = rest[0].charAt(0);
            return state == 'Z' || state == 'X' ? -1 : Long.parseLong(rest[2]);
        } catch (IOException | RuntimeException e) {
            return -1; // the process ended while we looked
        }
    }
}
