package dev.pitstop.supervisor;

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
    private final SupervisorConfig config;
    private final ArrayDeque<LogLine> ring;
    private final List<LogFollower> followers = new CopyOnWriteArrayList<>();
    private RotatingLogFile file;
    private boolean fileBroken;

    ProcessLog(String name, Path path, SupervisorConfig config) {
        this.name = name;
        this.path = path;
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
        try {
            if (file == null) {
                file = new RotatingLogFile(path, config.logRotateBytes(), config.logKeepFiles());
            }
            file.write((line.time() + " " + line.text() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            fileBroken = true;
            LOG.error("cannot write {}; the output of {} is kept in memory only", path, name, e);
        }
    }

    /** Called by the pump when the pipe is drained, so the file is current without a flush per line. */
    synchronized void flush() {
        try {
            if (file != null) {
                file.flush();
            }
        } catch (IOException e) {
            LOG.warn("cannot flush {}", path, e);
        }
    }

    List<LogLine> last(int n) {
        synchronized (ring) {
            List<LogLine> all = new ArrayList<>(ring);
            return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
        }
    }

    List<String> lastTexts(int n) {
        return last(n).stream().map(LogLine::text).toList();
    }

    AutoCloseable follow(Consumer<LogLine> consumer) {
        LogFollower follower = new LogFollower(name, config.logBufferLines(), consumer, followers::remove);
        followers.add(follower);
        follower.start();
        return follower;
    }

    @Override
    public synchronized void close() {
        followers.forEach(LogFollower::close);
        try {
            if (file != null) {
                file.close();
                file = null;
            }
        } catch (IOException e) {
            LOG.warn("cannot close {}", path, e);
        }
    }
}
