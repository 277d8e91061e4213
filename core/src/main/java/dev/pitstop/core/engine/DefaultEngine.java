package dev.pitstop.core.engine;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.OutdatedBinary;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PlatformFetchRequest;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.core.store.VerifyReport;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessBinary;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Consumer;

/** Runs one stack: reads it, hands it to a supervisor, and forwards the control operations. */
final class DefaultEngine implements Engine {
    private static final int EVENTS_KEPT = 10_000;

    /** Reads the stack's files again (for {@code apply}), with the selection {@code up} was given. */
    private final Function<List<Path>, Stack> reader;
    private final Supervisor supervisor;
    private final BinaryInstaller installer;
    private final BinaryOperations binaries;
    private final BinaryFetcher fetcher;
    private final StackInspector inspector;
    private final StoreIntegrity integrity;
    private final WatchedFiles watched;
    private final PolledBinaries polled;
    private final EventBuffer events = new EventBuffer(EVENTS_KEPT);
    private final ReadinessWait readiness;
    private final JvmShutdownHook shutdownHook;
    private volatile Stack stack;
    private volatile boolean running;

    DefaultEngine(Function<List<Path>, Stack> reader, Supervisor supervisor, BinaryInstaller installer,
                  StackInspector inspector,
                  StoreIntegrity integrity, Stack stack, WatchSettings watchSettings, BinaryFetcher.Factory fetchers,
                  ShutdownHook hook) {
        this.reader = reader;
        this.supervisor = supervisor;
        this.installer = installer;
        this.inspector = inspector;
        this.integrity = integrity;
        this.binaries = new BinaryOperations(installer, supervisor, () -> running);
        this.fetcher = fetchers.create(installer, supervisor);
        this.stack = stack;
        this.watched = new WatchedFiles(supervisor, binaries, watchSettings, () -> this.stack);
        this.polled = new PolledBinaries(supervisor, () -> this.stack, fetcher::poll,
                name -> update(BinarySelection.of(name)), name -> fetcher.fetchLatest(this.stack, name));
        this.readiness = new ReadinessWait(supervisor);
        this.shutdownHook = hook.enabled() ? new JvmShutdownHook(String.valueOf(stack.directory().getFileName()), this::down)
                : null;
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
        installer.deleteStaleStaging();
        installer.abandonInterruptedSwaps(stack);
        fetcher.fetchMissing(stack);
        installer.ensureInstalled(stack);
        List<String> changedWhileDown = stack.binaries().keySet().stream()
                .filter(b -> installer.fileAtPath(stack, b).map(PathFile::isNew).orElse(false)).toList();
        running = true;
        if (shutdownHook != null) {
            shutdownHook.register();
        }
        supervisor.up(stack);
        // what the reader ignored is recorded where the stack's history is, one event per key
        stack.warnings().forEach(w -> supervisor.publish(EventType.WARNING, null, w));
        watched.start(stack);
        watched.applyWhenReady(stack, changedWhileDown, readiness);
        polled.start(stack);
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        readiness.await(timeout);
    }

    @Override
    public void down() {
        // the watcher first: a change it applied after `running` turned false would skip the health gate
        watched.stop();
        polled.stop();
        running = false;
        supervisor.down();
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            shutdownHook.remove();
        }
    }

    @Override
    public boolean awaitDown(Duration timeout) throws InterruptedException {
        return supervisor.awaitDown(timeout);
    }

    @Override
    public int exitCode() {
        return supervisor.exitCode();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> ended() {
        return supervisor.ended();
    }

    @Override
    public List<ProcessStatus> ps() {
        List<ProcessStatus> statuses = supervisor.ps();
        Stack current = stack;
        if (current.binaries().isEmpty()) {
            return statuses;
        }
        Manifest manifest;
        try {
            manifest = installer.manifest(current); // read without a lock: ps never waits for a swap
        } catch (RuntimeException e) {
            return statuses; // an unreadable manifest must not hide the processes; install and verify report it
        }
        return statuses.stream().map(s -> s.withBinaries(binariesOf(current, manifest, s.name()))).toList();
    }

    private static List<ProcessBinary> binariesOf(Stack stack, Manifest manifest, String process) {
        ProcessSpec spec = stack.processes().get(process);
        if (spec == null) {
            return List.of();
        }
        return spec.binaries().stream().flatMap(b -> manifest.current(b).stream()
                .map(v -> new ProcessBinary(b, v.version(), v.sha256(), v.commit()))).toList();
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
        Stack fresh = reader.apply(stack.files());
        // binaries the edited file added must be in place before the processes that run them start
        fetcher.fetchMissing(fresh);
        installer.ensureInstalled(fresh);
        ApplyResult result = supervisor.apply(fresh);
        stack = fresh;
        return result;
    }

    @Override
    public List<LogLine> logs(String name, int lastN) {
        return supervisor.logs(name, lastN);
    }

    @Override
    public Subscription followLogs(String name, Consumer<LogLine> consumer) {
        return supervisor.followLogs(name, consumer);
    }

    @Override
    public List<Event> events(int lastN) {
        return events.last(lastN);
    }

    @Override
    public Subscription addListener(EventListener listener) {
        return supervisor.addListener(listener);
    }

    @Override
    public SwapResult install(InstallRequest request) {
        return binaries.install(stack, request);
    }

    @Override
    public SwapResult rollback(RollbackRequest request) {
        return binaries.rollback(stack, request);
    }

    @Override
    public List<FetchResult> fetch(BinarySelection names) {
        return selected(names).stream().map(name -> fetcher.fetch(stack, name).result()).toList();
    }

    @Override
    public List<FetchResult> fetchFor(PlatformFetchRequest request) {
        return selected(request.binaries()).stream()
                .map(name -> fetcher.fetchFor(stack, name, request.platform(), request.outputDir())).toList();
    }

    @Override
    public List<SwapResult> update(BinarySelection names) {
        List<SwapResult> swaps = new ArrayList<>();
        for (String name : selected(names)) {
            fetcher.fetchLatest(stack, name).candidate()
                    .ifPresent(c -> swaps.add(binaries.swapCandidate(stack, name, c)));
            fetcher.relock(stack, name); // after the swap: the lock follows what became current
        }
        return swaps;
    }

    /**
     * Every selected binary for every platform first, then one manifest change: when one of them fails, nothing is
     * written and the error names each failure.
     */
    @Override
    public List<LockResult> lock(LockRequest request) {
        List<LockResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String name : selected(request.binaries())) {
            if (stack.binaries().get(name).has(SourceCapability.LOCAL_FILE)) {
                continue; // a file of this machine: nothing to download elsewhere
            }
            List<Platform> platforms = request.platforms().isEmpty() ? fetcher.lockedPlatforms(stack, name)
                    : request.platforms();
            try {
                results.addAll(fetcher.lock(stack, name, platforms));
            } catch (RuntimeException e) {
                failures.add(e.getMessage() == null ? name + ": " + e : e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new PitstopException("lock failed, " + ManifestStore.FILE_NAME + " left unchanged: "
                    + String.join("; ", failures));
        }
        fetcher.write(stack, results);
        return results;
    }

    @Override
    public List<PollResult> poll(BinarySelection names) {
        return selected(names).stream().map(name -> fetcher.poll(stack, name)).toList();
    }

    @Override
    public List<OutdatedBinary> outdated() {
        return selected(BinarySelection.all()).stream().map(name -> fetcher.outdated(stack, name)).toList();
    }

    @Override
    public String explain(String binary, Platform platform) {
        return fetcher.explain(stack, binary, platform);
    }

    /** The named binaries (each must exist), or all of the stack's when none is named. */
    private List<String> selected(BinarySelection selection) {
        if (selection.isAll()) {
            return List.copyOf(stack.binaries().keySet());
        }
        selection.names().forEach(name -> BinaryInstaller.spec(stack, name));
        return selection.names();
    }

    @Override
    public Manifest manifest() {
        return installer.manifest(stack);
    }

    @Override
    public VerifyReport verify() {
        Manifest manifest = manifest();
        return inspector.verify(manifest, pids()).plus(integrity.verifyLinks(stack, manifest));
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
            ProcessSpec spec = stack.processes().get(status.name());
            Set<String> used = spec == null ? Set.of() : spec.binaries();
            if (used.size() == 1) {
                String binary = used.iterator().next();
                // a script runs as its interpreter: verifyLinks checks the script file itself instead
                if (!integrity.isScript(stack, binary)) {
                    pids.put(binary, status.pid());
                }
            } else {
                pids.put(status.name(), status.pid());
            }
        }
        return pids;
    }

    @Override
    public void close() {
        watched.stop();
        polled.stop();
        running = false;
        supervisor.close();
        removeShutdownHook();
    }
}
