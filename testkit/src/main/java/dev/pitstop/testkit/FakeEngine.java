package dev.pitstop.testkit;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.OutdatedBinary;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.Platform;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PlatformFetchRequest;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.VerifyReport;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.UnknownProcessException;
import dev.pitstop.core.stack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An engine that records calls and answers from fixed data: three processes, "broken" fails to reload.
 * For tests of what sits on top of an engine (control server, CLI) without running processes.
 */
public final class FakeEngine implements Engine {
    private final java.nio.file.Path stackDir;

    public FakeEngine() {
        this(null);
    }

    /** @param stackDir the folder of the stack file, whose {@code .pitstop/} {@code up} uses */
    public FakeEngine(java.nio.file.Path stackDir) {
        this.stackDir = stackDir;
    }

    public static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");
    public static final Sha256 DIGEST = new Sha256("3f2a9c0d1e2b" + "0".repeat(52));

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<Consumer<LogLine>> logFollowers = new CopyOnWriteArrayList<>();
    public final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch down = new CountDownLatch(1);

    @Override
    public Stack stack() {
        return Stack.of(stackDir, List.of());
    }

    @Override
    public void up() {
        calls.add("up");
    }

    @Override
    public void awaitReady(Duration timeout) {
        calls.add("awaitReady");
    }

    @Override
    public void down() {
        calls.add("down");
        down.countDown();
    }

    @Override
    public boolean awaitDown(Duration timeout) throws InterruptedException {
        return down.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<ProcessStatus> ps() {
        return List.of(
                new ProcessStatus("nats", ProcessState.RUNNING, Health.READY, 4242, 0, STARTED, null),
                new ProcessStatus("ingest-worker", ProcessState.RUNNING, Health.NOT_READY, 4343, 2, STARTED, null),
                new ProcessStatus("broken", ProcessState.ERROR, Health.UNKNOWN, 0, 5, null, 3));
    }

    private void known(String name) {
        if (ps().stream().noneMatch(s -> s.name().equals(name))) {
            throw new UnknownProcessException(name);
        }
    }

    @Override
    public ReloadResult reload(String name) {
        calls.add("reload " + name);
        known(name);
        if (name.equals("broken")) {
            throw new ReloadFailedException(name, "exited before it was ready", 3,
                    List.of("starting broken", "fatal: port 4222 in use"));
        }
        return new ReloadResult(name, 4242, 5151, DIGEST, Duration.ofMillis(412));
    }

    @Override
    public void restart(String name) {
        calls.add("restart " + name);
        known(name);
    }

    @Override
    public void start(String name) {
        calls.add("start " + name);
        known(name);
    }

    @Override
    public void stop(String name) {
        calls.add("stop " + name);
        known(name);
    }

    @Override
    public ApplyResult apply() {
        calls.add("apply");
        return new ApplyResult(List.of("web"), List.of(), List.of("nats"), List.of("ingest-worker", "broken"));
    }

    @Override
    public List<LogLine> logs(String name, int lastN) {
        known(name);
        List<LogLine> lines = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            lines.add(new LogLine(STARTED.plusSeconds(i), name, name + " line " + i));
        }
        return lines.subList(Math.max(0, lines.size() - lastN), lines.size());
    }

    @Override
    public Subscription followLogs(String name, Consumer<LogLine> consumer) {
        known(name);
        logFollowers.add(consumer);
        return () -> logFollowers.remove(consumer);
    }

    public void emitLog(String name, String text) {
        LogLine line = new LogLine(Instant.now(), name, text);
        logFollowers.forEach(c -> c.accept(line));
    }

    @Override
    public List<Event> events(int lastN) {
        List<Event> events = List.of(
                new Event(1, STARTED, EventType.STACK_STARTING, null, ""),
                new Event(2, STARTED.plusSeconds(1), EventType.STATE_CHANGED, "nats", "Running"));
        return events.subList(Math.max(0, events.size() - lastN), events.size());
    }

    @Override
    public Subscription addListener(EventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void emitEvent(long seq, EventType type, String process, String detail) {
        Event event = new Event(seq, Instant.now(), type, process, detail);
        listeners.forEach(l -> l.onEvent(event));
    }

    @Override
    public void close() {
        calls.add("close");
    }

    /** What {@link #install} and {@link #rollback} report as the replaced version. */
    public volatile String swapFrom;
    /** The reloads {@link #install}, {@link #rollback} and {@link #update} report. */
    public volatile List<ReloadResult> swapReloads = List.of();
    /** The arguments of the last binary operation, as {@code name=value} pairs separated by spaces. */
    public volatile String lastArguments;
    public volatile Manifest manifest = Manifest.empty();
    public volatile VerifyReport verifyReport = new VerifyReport(0, List.of());
    public volatile Snapshot snapshot = new Snapshot(STARTED, null);
    public volatile List<FetchResult> fetched = List.of();
    /** What {@link #poll} answers. */
    public volatile List<PollResult> polls = List.of();
    /** What {@link #lock} answers. */
    public volatile List<LockResult> locks = List.of();

    /** The binary "broken" fails its swap and is rolled back; every other install succeeds. */
    @Override
    public SwapResult install(InstallRequest request) {
        String binary = request.binary();
        String version = request.version().orElse(null);
        calls.add("install " + binary);
        lastArguments = "file=" + request.file() + " version=" + version + " force=" + request.force();
        failSwap(binary, version);
        return new SwapResult(binary, swapFrom, version, swapReloads);
    }

    @Override
    public SwapResult rollback(RollbackRequest request) {
        String binary = request.binary();
        String to = request.to().orElse(null);
        calls.add("rollback " + binary);
        lastArguments = "to=" + to + " force=" + request.force();
        failSwap(binary, to);
        return new SwapResult(binary, swapFrom, to, swapReloads);
    }

    private static void failSwap(String binary, String candidate) {
        if (binary.equals("broken")) {
            throw new dev.pitstop.core.SwapFailedException(binary, candidate,
                    "1.0.0 (" + DIGEST.shortHex() + ")",
                    new ReloadFailedException(binary, "exited before it was ready", 3,
                            List.of("starting broken", "fatal: port 4222 in use")), null);
        }
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public VerifyReport verify() {
        calls.add("verify");
        return verifyReport;
    }

    @Override
    public Snapshot snapshot() {
        calls.add("snapshot");
        return snapshot;
    }

    @Override
    public List<FetchResult> fetch(BinarySelection binaries) {
        calls.add("fetch " + binaries.names());
        return fetched;
    }

    @Override
    public List<FetchResult> fetchFor(PlatformFetchRequest request) {
        calls.add("fetchFor " + request.platform() + " " + request.binaries().names());
        lastArguments = "out=" + request.outputDir();
        return fetched;
    }

    @Override
    public List<SwapResult> update(BinarySelection selection) {
        List<String> binaries = selection.names();
        calls.add("update " + binaries);
        binaries.forEach(b -> failSwap(b, "latest"));
        return binaries.stream().map(b -> new SwapResult(b, swapFrom, "latest", swapReloads)).toList();
    }

    @Override
    public List<PollResult> poll(BinarySelection binaries) {
        calls.add("poll " + binaries.names());
        return polls;
    }

    @Override
    public List<LockResult> lock(LockRequest request) {
        calls.add("lock " + request.platforms() + " " + request.binaries().names());
        return locks;
    }

    @Override
    public List<OutdatedBinary> outdated() {
        calls.add("outdated");
        return List.of(new OutdatedBinary("nats", "2.10.0", "2.11.1"));
    }

    @Override
    public String explain(String binary, Platform platform) {
        calls.add("explain " + binary);
        return "candidates for " + binary + " on " + platform + "\n";
    }
}
