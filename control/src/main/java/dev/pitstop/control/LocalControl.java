package dev.pitstop.control;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Platform;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PlatformFetchRequest;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.UnknownProcessException;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.trust.PlatformDetector;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link ControlApi} over an {@link Engine} in this process: what the control server serves. */
public final class LocalControl implements ControlApi {
    private final Engine engine;

    public LocalControl(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    Engine engine() {
        return engine;
    }

    @Override
    public List<ProcessStatus> processes() {
        return engine.ps();
    }

    @Override
    public ProcessStatus process(String name) {
        return engine.ps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownProcessException(name));
    }

    @Override
    public ReloadOutcome reload(String name) {
        try {
            return Reloaded.of(engine.reload(name));
        } catch (ReloadFailedException e) {
            return ReloadFailed.of(e);
        }
    }

    @Override
    public List<ReloadOutcome> reload(List<String> names) {
        return ParallelReload.run(names, name -> {
            try {
                return reload(name);
            } catch (PitstopException e) {
                return ReloadFailed.refused(name, e.getMessage());
            }
        });
    }

    @Override
    public void restart(String name) {
        engine.restart(name);
    }

    @Override
    public void start(String name) {
        engine.start(name);
    }

    @Override
    public void stop(String name) {
        engine.stop(name);
    }

    @Override
    public ApplyResult apply() {
        return engine.apply();
    }

    @Override
    public void down() {
        engine.down();
    }

    @Override
    public List<LogLine> logs(String name, int lastN) {
        return engine.logs(name, lastN);
    }

    @Override
    public void followLogs(String name, int lastN, Consumer<LogLine> each) throws InterruptedException {
        process(name);
        try (Subscription s = subscribeLogs(name, lastN, each)) {
            awaitDown(s);
        }
    }

    /**
     * The last lines, then the new ones, each once: subscribes first and reads the history second, so nothing
     * falls between the two; lines have no sequence number, so one that comes through again is skipped once.
     */
    Subscription subscribeLogs(String name, int lastN, Consumer<LogLine> each) {
        Replay<LogLine> replay = new Replay<>(each);
        Subscription subscription = engine.followLogs(name, replay);
        List<LogLine> history = engine.logs(name, lastN);
        Set<LogLine> seen = new HashSet<>(history);
        replay.replay(history, line -> !seen.remove(line));
        return subscription;
    }

    @Override
    public List<Event> events(int lastN) {
        return engine.events(lastN);
    }

    @Override
    public void followEvents(int lastN, Consumer<Event> each) throws InterruptedException {
        try (Subscription s = subscribeEvents(lastN, each)) {
            awaitDown(s);
        }
    }

    /** The last events, then the new ones, each once (events carry a sequence number). */
    Subscription subscribeEvents(int lastN, Consumer<Event> each) {
        Replay<Event> replay = new Replay<>(each);
        Subscription subscription = engine.addListener(replay::accept);
        List<Event> history = engine.events(lastN);
        long lastSeq = history.isEmpty() ? Long.MIN_VALUE : history.get(history.size() - 1).seq();
        replay.replay(history, event -> event.seq() > lastSeq);
        return subscription;
    }

    @SuppressWarnings("unused") // the subscription is open while this waits
    private void awaitDown(Subscription open) throws InterruptedException {
        while (!engine.awaitDown(Duration.ofMinutes(1))) {
            // follows until the stack stops or this thread is interrupted; each wait is bounded all the same
        }
    }

    @Override
    public SwapOutcome install(InstallRequest request) {
        return swap(() -> Swapped.of(engine.install(request)));
    }

    @Override
    public SwapOutcome rollback(RollbackRequest request) {
        return swap(() -> Swapped.of(engine.rollback(request)));
    }

    @Override
    public List<SwapOutcome> update(BinarySelection binaries) {
        try {
            return engine.update(binaries).stream().<SwapOutcome>map(Swapped::of).toList();
        } catch (SwapFailedException e) {
            return List.of(SwapFailed.of(e));
        }
    }

    private static SwapOutcome swap(Supplier<SwapOutcome> call) {
        try {
            return call.get();
        } catch (SwapFailedException e) {
            return SwapFailed.of(e);
        }
    }

    @Override
    public List<FetchResult> fetch(BinarySelection binaries) {
        return engine.fetch(binaries);
    }

    @Override
    public List<FetchResult> fetchFor(PlatformFetchRequest request) {
        return engine.fetchFor(request);
    }

    @Override
    public List<LockResult> lock(LockRequest request) {
        return engine.lock(request);
    }

    @Override
    public List<PollResult> poll(BinarySelection binaries) {
        return engine.poll(binaries);
    }

    @Override
    public List<Outdated> outdated() {
        return engine.outdated().stream().map(Outdated::of).toList();
    }

    @Override
    public Explained explain(String binary, Optional<Platform> platform) {
        Platform on = platform.orElseGet(() -> new PlatformDetector().detect());
        return new Explained(binary, on.toString(), engine.explain(binary, on));
    }

    @Override
    public Manifest manifest() {
        return engine.manifest();
    }

    @Override
    public Verified verify() {
        return Verified.of(engine.verify());
    }

    @Override
    public Snapshot snapshot() {
        return engine.snapshot();
    }
}
