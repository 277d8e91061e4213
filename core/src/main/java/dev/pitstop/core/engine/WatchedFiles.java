package dev.pitstop.core.engine;

import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BadBinaryException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code watch: true} for a running engine: one {@link FileWatcher} over every watched {@code file} binary, whose
 * settled changes go through {@link BinaryOperations#installChangedFile}, so they are stored and swapped in
 * (health-gated, rolled back and marked bad on failure) exactly like an install.
 */
final class WatchedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedFiles.class);
    /** How long the stack may take to become ready at up, beyond its slowest process's reload timeout. */
    private static final Duration READY_MARGIN = Duration.ofSeconds(60);

    private final Supervisor supervisor;
    private final BinaryOperations binaries;
    private final WatchSettings settings;
    private final Supplier<Stack> stack;
    private FileWatcher watcher;
    private ChangedWhileDown changedWhileDown;

    /** @param stack the engine's stack as it is now (re-read by {@code apply}) */
    WatchedFiles(Supervisor supervisor, BinaryOperations binaries, WatchSettings settings, Supplier<Stack> stack) {
        this.supervisor = supervisor;
        this.binaries = binaries;
        this.settings = settings;
        this.stack = stack;
    }

    /** Starts watching the {@code watch: true} file binaries of {@code running}, if any; once. */
    synchronized void start(Stack running) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (BinarySpec b : running.binaries().values()) {
            if (b.watch() && b.has(SourceCapability.LOCAL_FILE)) {
                files.put(b.name(), running.directory().resolve(b.location()).normalize());
            } else if (b.watch()) {
                supervisor.publish(EventType.WARNING, b.name(), "watch: true applies to sources that take a local"
                        + " file (such as file:), not " + b.kind() + "; ignored (use poll)");
            }
        }
        if (files.isEmpty() || watcher != null) {
            return;
        }
        try {
            watcher = new FileWatcher("pitstop-watch-" + running.directory().getFileName(), files,
                    settings.quietPeriod(), this::changed);
        } catch (UncheckedIOException e) {
            // the stack is up by now: without a watcher it still runs, and a reload still picks up the file
            supervisor.publish(EventType.WARNING, null, e.getMessage() + "; watch: true has no effect this run");
            LOG.warn("{}", e.getMessage(), e);
        }
    }

    /**
     * At {@code up}: once the stack is ready, swaps in the {@code file:} binaries whose path got new bytes while it
     * was down, each like a watched change (health-gated, rolled back on failure); once.
     */
    synchronized void applyWhenReady(Stack running, List<String> binaries, ReadinessWait readiness) {
        if (binaries.isEmpty() || changedWhileDown != null) {
            return;
        }
        Duration slowest = running.processes().values().stream().map(ProcessSpec::reloadTimeout)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        changedWhileDown = new ChangedWhileDown("pitstop-changed-while-down-" + running.directory().getFileName(),
                binaries, READY_MARGIN.plus(slowest), readiness, this::changed,
                (binary, warning) -> supervisor.publish(EventType.WARNING, binary, warning));
    }

    private void changed(String binary) {
        try {
            binaries.installChangedFile(stack.get(), binary).ifPresent(swap ->
                    LOG.info("{}: swapped in the changed file: {} -> {}", binary, swap.from(), swap.to()));
        } catch (BadBinaryException e) {
            // the bytes failed before: not tried again until the file changes, and said so once per change
            supervisor.publish(EventType.WARNING, binary, "watched file not applied: " + e.getMessage());
            LOG.info("{}: the file is a version marked bad before; waiting for it to change again", binary);
        } catch (SwapFailedException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    /** Stops watching and waits (bounded) for a swap the watcher is applying right now. */
    synchronized void stop() {
        if (changedWhileDown != null) {
            changedWhileDown.close();
            changedWhileDown = null;
        }
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
