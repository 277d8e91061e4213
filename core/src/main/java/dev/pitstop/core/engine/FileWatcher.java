package dev.pitstop.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches files (through their folders, so a file replaced by {@code mv} is seen) on one named daemon thread
 * and reports a changed file only once it has stopped changing: its size and modification time stayed the same
 * for the quiet period. Each report goes to the callback on this thread, one at a time.
 */
final class FileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);
    private static final long IDLE_POLL_MILLIS = 1_000;
    private static final long CLOSE_WAIT_MILLIS = 60_000;

    private final Map<Path, String> names;
    private final long quietNanos;
    private final Consumer<String> onSettled;
    private final WatchService service;
    private final Thread thread;
    /** Changed files waiting for quiet; touched only by the watcher thread. */
    private final Map<Path, Pending> pending = new HashMap<>();
    private volatile boolean closed;

    private record FileState(boolean exists, long size, FileTime modified) {}

    private record Pending(String name, FileState seen, long dueNanos) {}

    /**
     * @param files the name to report per watched file
     * @param onSettled called with the name of a file that changed and then stayed quiet
     */
    FileWatcher(String threadName, Map<String, Path> files, Duration quiet, Consumer<String> onSettled) {
        this.names = new HashMap<>();
        files.forEach((name, path) -> names.put(path.toAbsolutePath().normalize(), name));
        this.quietNanos = quiet.toNanos();
        this.onSettled = Objects.requireNonNull(onSettled, "onSettled");
        try {
            this.service = FileSystems.getDefault().newWatchService();
            for (Path folder : names.keySet().stream().map(Path::getParent).distinct().toList()) {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot watch " + names.keySet(), e);
        }
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key = service.poll(nextWaitMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    record(key);
                }
                settle();
            }
        } catch (ClosedWatchServiceException e) {
            // closed: the engine went down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long nextWaitMillis() {
        long now = System.nanoTime();
        return pending.values().stream().mapToLong(p -> TimeUnit.NANOSECONDS.toMillis(p.dueNanos() - now) + 1)
                .map(ms -> Math.max(1, ms)).min().orElse(IDLE_POLL_MILLIS);
    }

    private void record(WatchKey key) {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                names.keySet().stream().filter(f -> f.getParent().equals(folder)).forEach(this::changed);
            } else {
                changed(folder.resolve((Path) event.context()));
            }
        }
        key.reset();
    }

    /** Every event starts the quiet period again. */
    private void changed(Path file) {
        String name = names.get(file);
        if (name != null) {
            pending.put(file, new Pending(name, state(file), System.nanoTime() + quietNanos));
        }
    }

    private void settle() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Pending> entry = it.next();
            Pending p = entry.getValue();
            if (p.dueNanos() - now > 0) {
                continue;
            }
            FileState state = state(entry.getKey());
            if (!state.equals(p.seen())) {
                entry.setValue(new Pending(p.name(), state, now + quietNanos));
            } else {
                it.remove();
                if (state.exists() && !closed) {
                    report(p.name(), entry.getKey());
                }
            }
        }
    }

    private void report(String name, Path file) {
        try {
            onSettled.accept(name);
        } catch (RuntimeException e) {
            LOG.warn("{}: the change of {} was not applied: {}", name, file, e.getMessage());
        }
    }

    private static FileState state(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileState(true, a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            return new FileState(false, -1, null); // gone, or between the two halves of a rename
        }
    }

    /** Stops watching; waits (bounded) for a change being applied right now to finish. */
    @Override
    public void close() {
        closed = true;
        closeQuietly();
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
            if (thread.isAlive()) {
                LOG.warn("{} still busy after {} ms; leaving it behind", thread.getName(), CLOSE_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
    }
}
