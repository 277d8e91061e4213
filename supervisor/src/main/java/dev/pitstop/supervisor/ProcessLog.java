package dev.pitstop.supervisor;

import dev.pitstop.core.Subscription;
import dev.pitstop.core.process.LogLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output of one process across all its runs: a bounded in-memory ring, a rotating file and followers.
 * Only the pump of the current run writes; readers take a copy.
 */
final class ProcessLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessLog.class);

    private final String name;
    private final Path path;
    private final boolean shared;
    private final LogFiles files;
    private final SupervisorConfig config;
    private final ArrayDeque<LogLine> ring;
    private final List<LogFollower> followers = new CopyOnWriteArrayList<>();
    private boolean fileBroken;

    /**
     * @param shared whether other processes write to {@code path} too (the stack's unified log): lines then carry
     *               the process name
     */
    ProcessLog(String name, Path path, boolean shared, LogFiles files, SupervisorConfig config) {
        this.name = name;
        this.path = path;
        this.shared = shared;
        this.files = files;
        this.config = config;
        this.ring = new ArrayDeque<>(Math.min(config.logBufferLines(), 64));
    }

    Path path() {
        return path;
    }

    void append(String text) {
        LogLine line = new LogLine(Instant.now(), name, text);
        synchronized (ring) {
            if (ring.size() == config.logBufferLines()) {
                ring.pollFirst();
            }
            ring.addLast(line);
        }
        writeToFile(line);
        for (LogFollower f : followers) {
            f.offer(line);
        }
    }

    private synchronized void writeToFile(LogLine line) {
        if (fileBroken) {
            return;
        }
        String prefix = shared ? line.time() + " [" + name + "] " : line.time() + " ";
        try {
            files.get(path).write((prefix + line.text() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            fileBroken = true;
            LOG.error("cannot write {}; the output of {} is kept in memory only", path, name, e);
        }
    }

    /** Called by the pump when the pipe is drained, so the file is current without a flush per line. */
    void flush() {
        files.flush(path);
    }

    List<LogLine> last(int n) {
        synchronized (ring) {
            List<LogLine> all = new ArrayList<>(ring);
            return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
        }
    }

    /** The last {@code n} lines written at or after {@code since}: one run's output, not its predecessors'. */
    List<String> lastTexts(int n, Instant since) {
        synchronized (ring) {
            List<String> lines = ring.stream().filter(l -> !l.time().isBefore(since)).map(LogLine::text).toList();
            return List.copyOf(lines.subList(Math.max(0, lines.size() - Math.max(0, n)), lines.size()));
        }
    }

    Subscription follow(Consumer<LogLine> consumer) {
        LogFollower follower = new LogFollower(name, config.logBufferLines(), consumer, followers::remove);
        followers.add(follower);
        follower.start();
        return follower;
    }

    /** Ends the followers and, unless other processes share it, closes the file. */
    @Override
    public synchronized void close() {
        followers.forEach(LogFollower::close);
        if (!shared) {
            files.close(path);
        }
    }
}
