package dev.pitstop.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The report files {@code pitstop drill} left in its folder ({@code DIR/drill-<stamp>/report.md}, {@code
 * report.json}, {@code junit.xml}; a file directly in {@code DIR} counts too), newest first; nothing when there is
 * no folder.
 */
final class Reports {
    private static final long MAX_BYTES = 4 << 20;

    private final Path dir;

    /** @param dir the report folder, or {@code null} for none */
    Reports(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    /** @param name the path below the report folder, with {@code /} */
    record Report(String name, long size, Instant modified) {}

    List<Report> list() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(Files::isRegularFile).map(this::describe)
                    .sorted(Comparator.comparing(Report::modified).reversed().thenComparing(Report::name)).toList();
        }
    }

    /** The text of one report, by its name in {@link #list()}: nothing outside the folder can be named. */
    Optional<String> read(String name) throws IOException {
        if (dir == null || name.isEmpty() || name.startsWith("/") || name.contains("\\")
                || List.of(name.split("/")).stream().anyMatch(part -> part.isEmpty() || part.startsWith("."))) {
            return Optional.empty();
        }
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || dir.relativize(file).getNameCount() > 2 || !Files.isRegularFile(file)
                || Files.size(file) > MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file));
    }

    private Report describe(Path file) {
        String name = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        try {
            return new Report(name, Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return new Report(name, -1, Instant.EPOCH);
        }
    }
}
