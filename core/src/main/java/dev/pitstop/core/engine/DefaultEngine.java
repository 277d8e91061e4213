package dev.pitstop.core.engine;

import dev.pitstop.core.Engine;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.OutdatedBinary;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Platform;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.store.BadBinaryException;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.core.store.VerifyReport;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.stack.StackReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one stack: reads it, hands it to a supervisor, and forwards the control operations. */
final class DefaultEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);
    private static final int EVENTS_KEPT = 10_000;

    private final StackReader reader;
    private final Supervisor supervisor;
    private final BinaryInstaller installer;
    private final BinaryOperations binaries;
    private final StackInspector inspector;
    private final WatchSettings watchSettings;
    private final EventBuffer events = new EventBuffer(EVENTS_KEPT);
    private volatile Stack stack;
    private volatile boolean running;
    private FileWatcher watcher;

    DefaultEngine(StackReader reader, Supervisor supervisor, BinaryInstaller installer, StackInspector inspector,
                  Stack stack, WatchSettings watchSettings) {
        this.reader = reader;
        this.supervisor = supervisor;
        this.installer = installer;
        this.inspector = inspector;
        this.binaries = new BinaryOperations(installer, supervisor, () -> running);
        this.stack = stack;
        this.watchSettings = watchSettings;
        supervisor.addListener(events);
    }

    @Override
    public Stack stack() {
        return stack;
    }

    @Override
    public void up() {
        try {
            Files.createDirectories(stack.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stack.stateDir(), e);
        }
        installer.ensureInstalled(stack);
        running = true;
        supervisor.up(stack);
        startWatching();
    }

    /** One watcher thread for every {@code watch: true} file binary, so a changed file is swapped in like an install. */
    private synchronized void startWatching() {
        Map<String, Path> files = new LinkedHashMap<>();
        for (BinarySpec b : stack.binaries().values()) {
            if (b.watch() && "file".equals(b.kind())) {
                files.put(b.name(), stack.directory().resolve(b.location()).normalize());
            } else if (b.watch()) {
                supervisor.publish(EventType.WARNING, b.name(), "watch: true applies to file sources only, not "
                        + b.kind() + "; ignored (use poll)");
            }
        }
        if (!files.isEmpty() && watcher == null) {
            watcher = new FileWatcher("pitstop-watch-" + stack.directory().getFileName(), files,
                    watchSettings.quietPeriod(), this::fileChanged);
        }
    }

    private void fileChanged(String binary) {
        try {
            binaries.installChangedFile(stack, binary).ifPresent(swap ->
                    LOG.info("{}: swapped in the changed file: {} -> {}", binary, swap.from(), swap.to()));
        } catch (BadBinaryException e) {
            // the bytes failed before: not tried again until the file changes, and said so once per change
            supervisor.publish(EventType.WARNING, binary, "watched file not applied: " + e.getMessage());
            LOG.info("{}: the file is a version marked bad before; waiting for it to change again", binary);
        } catch (SwapFailedException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    /** Stops the watcher first, so that no swap starts while the stack goes down. */
    private synchronized void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    @Override
    public void down() {
        // the watcher first: a change it applied after `running` turned false would skip the health gate
        stopWatching();
        running = false;
        supervisor.down();
    }

    @Override
    public boolean awaitDown(Duration timeout) throws InterruptedException {
        return supervisor.awaitDown(timeout);
    }

    @Override
    public List<ProcessStatus> ps() {
        return supervisor.ps();
    }

    @Override
    public ReloadResult reload(String name) {
        return binaries.reload(stack, name);
    }

    @Override
    public void restart(String name) {
        supervisor.restart(name);
    }

    @Override
    public void start(String name) {
        supervisor.start(name);
    }

    @Override
    public void stop(String name) {
        supervisor.stop(name);
    }

    @Override
    public ApplyResult apply() {
        Stack fresh = reader.read(stack.file());
        ApplyResult result = supervisor.apply(fresh);
        stack = fresh;
        return result;
    }

    @Override
    public List<LogLine> logs(String name, int lastN) {
        return supervisor.logs(name, lastN);
    }

    @Override
    public AutoCloseable followLogs(String name, Consumer<LogLine> consumer) {
        return supervisor.followLogs(name, consumer);
    }

    @Override
    public List<Event> events(int lastN) {
        return events.last(lastN);
    }

    @Override
    public AutoCloseable addListener(EventListener listener) {
        return supervisor.addListener(listener);
    }

    @Override
    public SwapResult install(String binary, Path file, String version, boolean force) {
        return binaries.install(stack, binary, file, version, force);
    }

    @Override
    public SwapResult rollback(String binary, String to, boolean force) {
        return binaries.rollback(stack, binary, to, force);
    }

    @Override
    public List<FetchResult> fetch(List<String> names) {
        throw new PitstopException("fetching from sources is not wired into this build yet");
    }

    @Override
    public List<FetchResult> fetchFor(Platform platform, List<String> names, Path outputDir) {
        throw new PitstopException("fetching from sources is not wired into this build yet");
    }

    @Override
    public List<SwapResult> update(List<String> names) {
        throw new PitstopException("fetching from sources is not wired into this build yet");
    }

    @Override
    public List<OutdatedBinary> outdated() {
        throw new PitstopException("fetching from sources is not wired into this build yet");
    }

    @Override
    public String explain(String binary, Platform platform) {
        throw new PitstopException("fetching from sources is not wired into this build yet");
    }

    @Override
    public Manifest manifest() {
        return installer.manifest(stack);
    }

    @Override
    public VerifyReport verify() {
        return inspector.verify(manifest(), pids());
    }

    @Override
    public Snapshot snapshot() {
        return inspector.snapshot(manifest(), pids());
    }

    /** PID per process, under the name of the binary it runs where that differs, for the manifest checks. */
    private Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ProcessStatus status : supervisor.ps()) {
            if (status.pid() <= 0) {
                continue;
            }
            Set<String> used = BinaryUsage.binariesOf(stack, status.name());
            if (used.size() == 1) {
                pids.put(used.iterator().next(), status.pid());
            } else {
                pids.put(status.name(), status.pid());
            }
        }
        return pids;
    }

    @Override
    public void close() {
        stopWatching();
        running = false;
        supervisor.close();
    }
}
