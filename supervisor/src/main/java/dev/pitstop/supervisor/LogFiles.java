package dev.pitstop.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open log files of a stack, by path: a process's own file, or the stack's unified {@code log_location} that
 * every process without its own writes to.
 */
final class LogFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogFiles.class);

    private final SupervisorConfig config;
    private final Map<Path, RotatingLogFile> open = new HashMap<>();

    LogFiles(SupervisorConfig config) {
        this.config = config;
    }

    synchronized RotatingLogFile get(Path path) throws IOException {
        RotatingLogFile file = open.get(path);
        if (file == null) {
            file = new RotatingLogFile(path, config.logRotateBytes(), config.logKeepFiles());
            open.put(path, file);
        }
        return file;
    }

    void flush(Path path) {
        RotatingLogFile file;
        synchronized (this) {
            file = open.get(path);
        }
        try {
            if (file != null) {
                file.flush();
            }
        } catch (IOException e) {
            LOG.debug("cannot flush {}; it was closed under a late pump", path, e);
        }
    }

    synchronized void close(Path path) {
        RotatingLogFile file = open.remove(path);
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException e) {
            LOG.warn("cannot close {}", path, e);
        }
    }

    @Override
    public synchronized void close() {
        for (Path path : Map.copyOf(open).keySet()) {
            close(path);
        }
    }
}
