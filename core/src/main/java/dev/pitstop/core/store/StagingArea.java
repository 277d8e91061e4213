package dev.pitstop.core.store;

import dev.pitstop.core.PitstopHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code $PITSTOP_HOME/cache/staging}: where a fetched or installed binary waits (hundreds of MB) before it goes
 * into the store. Every entry is named after the process that owns it ({@code NAME.<pid>-<start millis>.<random>}),
 * so a later run can tell the leftovers of a killed {@code install} or {@code fetch} from the files of one that is
 * still running, without a lock and without guessing by age.
 */
public final class StagingArea {
    /** Entries without an owner in their name (made before owners were recorded) go after a day. */
    private static final Duration UNOWNED_AFTER = Duration.ofDays(1);
    private static final Pattern OWNER = Pattern.compile("\\.(\\d+)-(\\d+)\\.[^.]+(\\.staged)?$");

    private final Path dir;
    private final String owner;

    public StagingArea(Path dir) {
        this.dir = dir;
        ProcessHandle self = ProcessHandle.current();
        this.owner = self.pid() + "-" + startMillis(self).orElse(0L);
    }

    public static StagingArea of(PitstopHome home) {
        return new StagingArea(home.cache().resolve("staging"));
    }

    /** A new empty file for one binary, owned by this process. */
    public Path newFile(String name) {
        try {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, name + "." + owner + ".", ".staged");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging file under " + dir, e);
        }
    }

    /** A new empty folder for one binary, owned by this process. */
    public Path newDirectory(String name) {
        try {
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, name + "." + owner + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder under " + dir, e);
        }
    }

    /**
     * Deletes every entry whose owning process is gone (or is another process under a reused PID), and entries
     * without an owner in their name that are older than a day. Entries of processes that still run are kept.
     *
     * @return the deleted entries
     */
    public List<Path> deleteStale() {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Matcher m = OWNER.matcher(entry.getFileName().toString());
                boolean stale = m.find() ? !alive(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))
                        : Files.getLastModifiedTime(entry).toInstant().isBefore(Instant.now().minus(UNOWNED_AFTER));
                if (stale) {
                    deleteTree(entry);
                    deleted.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the staging folder " + dir, e);
        }
        return deleted;
    }

    private static boolean alive(long pid, long startMillis) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> startMillis(p).map(s -> s == startMillis).orElse(true)).orElse(false);
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static void deleteTree(Path entry) throws IOException {
        try (Stream<Path> paths = Files.walk(entry)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
