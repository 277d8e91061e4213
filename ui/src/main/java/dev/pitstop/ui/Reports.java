package dev.pitstop.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The report files {@code pitstop drill} left in its folder, newest first; nothing when there is no folder. */
final class Reports {
    private static final long MAX_BYTES = 4 << 20;

    private final Path dir;

    /** @param dir the report folder, or {@code null} for none */
    Reports(Path dir) {
        this.dir = dir;
    }

    record Report(String name, long size, Instant modified) {}

    List<Report> list() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(Reports::describe)
                    .sorted(Comparator.comparing(Report::modified).reversed()).toList();
        }
    }

    /** The text of one report, by its bare file name: nothing outside the folder can be named. */
    Optional<String> read(String name) throws IOException {
        if (dir == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file));
    }

    private static Report describe(Path file) {
        try {
            return new Report(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return new Report(file.getFileName().toString(), -1, Instant.EPOCH);
        }
    }
}
