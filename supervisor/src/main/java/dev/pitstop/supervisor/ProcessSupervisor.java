package dev.pitstop.supervisor;

import com.google.inject.Inject;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.CheckResult;
import dev.pitstop.core.process.LaunchCheck;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessName;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.StackStoppedException;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.process.UnknownProcessException;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.stack.ShutdownSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Supervisor} of one stack run. */
final class ProcessSupervisor implements Supervisor, ProcessHost {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);

    private final SupervisorConfig config;
    private final EventBus events = new EventBus();
    private final LogFiles logFiles;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final CompletableFuture<Void> downed = new CompletableFuture<>();
    private final AtomicBoolean evaluationQueued = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile int exitCode;
    private final Reloader reloader;
    private final LaunchCheck launchCheck;
    private volatile Stack stack;
    private volatile boolean stopping;
    private volatile SupervisorServices services;

    ProcessSupervisor(SupervisorConfig config) {
        this(config, LaunchCheck.NONE);
    }

    /** @param launchCheck asked before every exec (the engine's store integrity check) */
    @Inject
    ProcessSupervisor(SupervisorConfig config, LaunchCheck launchCheck) {
        this.config = Objects.requireNonNull(config, "config");
        this.launchCheck = Objects.requireNonNull(launchCheck, "launchCheck");
        this.logFiles = new LogFiles(config);
        this.reloader = new Reloader(events, this::dependentsOf, () -> stopping,
                new ExecutableHashes(() -> services.proc));
    }

    @Override
    public void up(Stack stack) {
        Optional<RunLedger.Snapshot> previous;
        synchronized (this) {
            if (services != null) {
                throw new IllegalStateException("this supervisor already ran a stack; create a new one");
            }
            this.stack = Objects.requireNonNull(stack, "stack");
            stack.processes().keySet().forEach(ProcessSupervisor::checkName);
            try {
                PrivateFiles.directory(stack.stateDir());
            } catch (IOException e) {
                throw new PitstopException("cannot create the state folder " + stack.stateDir() + ": " + e, e);
            }
            previous = RunLedger.read(stack.stateDir());
            events.open(stack.stateDir().resolve("events.jsonl"));
            services = new SupervisorServices(config, events, stack.stateDir(), launchCheck);
            LOG.info("process platform {}", services.platformChoice);
            events.emit(EventType.STACK_STARTING, null, stack.processes().size() + " processes; process platform "
                    + services.platformChoice);
        }
        // before anything starts: a duplicate next to a leftover fails on "address already in use" at best
        previous.ifPresent(this::stopLeftovers);
        synchronized (this) {
            services.ledger.write();
            stack.processes().values().forEach(spec -> add(spec, null));
        }
        evaluate();
    }

    private static void checkName(String name) {
        try {
            new ProcessName(name);
        } catch (IllegalArgumentException e) {
            throw new PitstopException("process '" + name + "': " + e.getMessage(), e);
        }
    }

    private void stopLeftovers(RunLedger.Snapshot previous) {
        Leftovers leftovers = new Leftovers(services.proc, services.stopper);
        List<Leftovers.Found> found = leftovers.find(previous);
        if (found.isEmpty()) {
            return;
        }
        long grace = 0;
        for (Leftovers.Found f : found) {
            String detail = "leftover of an earlier run still alive: pid " + f.pid() + " (" + f.command()
                    + "); stopping process group " + f.pgrp();
            LOG.warn("{}: {}", f.name(), detail);
            events.emit(EventType.LEFTOVER_STOPPED, f.name(), detail);
            ProcessSpec spec = stack.processes().get(f.name());
            grace = Math.max(grace, StopDeadline.of(spec == null ? ShutdownSpec.DEFAULT : spec.shutdown()).grace().toMillis());
        }
        try {
            if (!leftovers.stop(found, Duration.ofMillis(grace))) {
                events.emit(EventType.WARNING, null, "leftovers of an earlier run are still alive after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while stopping leftovers of an earlier run", e);
        }
    }

    /** Adds a pending process; its output continues {@code previous} when that log has the same file. */
    private synchronized ManagedProcess add(ProcessSpec spec, ProcessLog previous) {
        Path path = logPath(spec);
        ProcessLog log = previous != null && previous.path().equals(path) ? previous
                : new ProcessLog(spec.name(), path, spec.logLocation() == null && stack.logLocation() != null, logFiles,
                        config);
        ManagedProcess mp = new ManagedProcess(spec, this, services, log);
        processes.put(spec.name(), mp);
        events.emit(EventType.STATE_CHANGED, spec.name(), mp.status().state().label());
        return mp;
    }

    /** The process's {@code log_location}, else the stack's unified one, else {@code .pitstop/logs/NAME.log}. */
    private Path logPath(ProcessSpec spec) {
        Stack s = stack;
        if (spec.logLocation() != null) {
            return s.directory().resolve(spec.logLocation());
        }
        if (s.logLocation() != null) {
            return s.directory().resolve(s.logLocation());
        }
        return s.stateDir().resolve("logs").resolve(new ProcessName(spec.name()).fileName() + ".log");
    }

    /** Starts every pending process whose conditions hold; skips those whose conditions never can. */
    private void evaluate() {
        if (stopping) {
            return;
        }
        checkEnded();
        for (ManagedProcess mp : snapshot()) {
            if (mp.facts().state() != ProcessState.PENDING) {
                continue;
            }
            DependencyGate.Decision d = DependencyGate.decide(mp.spec(), this::factsOf);
            if (d.verdict() == DependencyGate.Verdict.NEVER) {
                mp.skip(d.reason());
            } else if (d.verdict() == DependencyGate.Verdict.START) {
                long epoch = mp.claimPending();
                if (epoch >= 0) {
                    execute(() -> mp.launchUnlessStoppedSince(epoch, ""));
                }
            }
        }
    }

    private Facts factsOf(String name) {
        ManagedProcess mp;
        synchronized (this) {
            mp = processes.get(name);
        }
        return mp == null ? null : mp.facts();
    }

    private synchronized List<ManagedProcess> snapshot() {
        return new ArrayList<>(processes.values());
    }

    private List<ManagedProcess> dependentsOf(String name) {
        return snapshot().stream().filter(p -> p.spec().dependsOn().containsKey(name)).toList();
    }

    private void execute(Runnable task) {
        try {
            services.workers.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("supervisor closed; dropped a task", e);
        }
    }

    @Override
    public Stack stack() {
        return stack;
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    @Override
    public void changed() {
        if (!stopping && evaluationQueued.compareAndSet(false, true)) {
            execute(() -> {
                evaluationQueued.set(false);
                evaluate();
            });
        }
    }

    @Override
    public void endStack(String reason, int code) {
        if (failing.compareAndSet(false, true)) {
            exitCode = code;
            events.emit(EventType.WARNING, null, reason + "; stopping the stack (exit code " + code + ")");
            NamedThreads.named("pitstop-exit-on-end", this::down).start();
        }
    }

    @Override
    public int exitCode() {
        return exitCode;
    }

    @Override
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Every process ended: the moment Process Compose's project completes. */
    private void checkEnded() {
        List<ManagedProcess> all = snapshot();
        if (!all.isEmpty() && all.stream().allMatch(ManagedProcess::hasEnded)) {
            ended.complete(null);
        }
    }

    @Override
    public void down() {
        List<ManagedProcess> all;
        synchronized (this) {
            if (services == null || downed.isDone()) {
                return;
            }
            stopping = true;
            all = new ArrayList<>(processes.values());
        }
        boolean ordered = stack.orderedShutdown();
        CompletableFuture<Void> done = ordered ? new ShutdownOrder(all).stopAll()
                : CompletableFuture.allOf(all.stream().map(p -> p.stop(true)).toArray(CompletableFuture[]::new));
        long bound = StopDeadline.boundOfAll(all.stream().map(ManagedProcess::stopDeadline).toList(), ordered)
                .toMillis();
        try {
            awaitStop(done, bound, "the stack");
            awaitStop(killStrays(), StopDeadline.MARGIN.toMillis(), "leftover processes");
        } finally {
            all.forEach(p -> p.log().flush());
            synchronized (this) {
                if (!downed.isDone()) {
                    events.emit(EventType.STACK_STOPPED, null, "");
                    downed.complete(null);
                }
            }
        }
    }

    /** Whatever of this run is still alive once every process stopped (helpers, strays of removed processes). */
    private CompletableFuture<Void> killStrays() {
        return services.stopper.stopStrays(services.strays.of(null, Set.of()), Signals.SIGKILL, Duration.ZERO)
                .thenApply(empty -> null);
    }

    private static void awaitStop(CompletableFuture<Void> f, long millis, String what) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while stopping " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PitstopException("stopping " + what + " did not finish within " + millis + " ms", e);
        }
    }

    @Override
    public List<ProcessStatus> ps() {
        return snapshot().stream().map(ManagedProcess::status).toList();
    }

    @Override
    public ProcessStatus status(String name) {
        return get(name).status();
    }

    @Override
    public CheckResult runCheck(String name, String command, Duration timeout) {
        ManagedProcess mp = get(name);
        SupervisorServices running = services;
        if (running == null) {
            throw new IllegalStateException("the stack is not running");
        }
        return new CheckRunner(running.launcher, running.signals).run(stack, mp.spec(), command, timeout);
    }

    private synchronized ManagedProcess get(String name) {
        ManagedProcess mp = processes.get(name);
        if (mp == null) {
            throw new UnknownProcessException(name);
        }
        return mp;
    }

    @Override
    public ReloadResult reload(String name) {
        ManagedProcess mp = get(name);
        requireRunning();
        return reloader.reload(mp);
    }

    @Override
    public void restart(String name) {
        ManagedProcess mp = get(name);
        requireRunning();
        awaitStop(mp.stop(true), mp.stopDeadline().bound().toMillis(), name);
        mp.start();
    }

    @Override
    public void start(String name) {
        ManagedProcess mp = get(name);
        requireRunning();
        mp.start();
    }

    @Override
    public void stop(String name) {
        ManagedProcess mp = get(name);
        awaitStop(mp.stop(true), mp.stopDeadline().bound().toMillis(), name);
    }

    private void requireRunning() {
        if (stopping) {
            throw new StackStoppedException();
        }
    }

    @Override
    public ApplyResult apply(Stack newStack) {
        requireRunning();
        newStack.processes().keySet().forEach(ProcessSupervisor::checkName);
        Map<String, ProcessSpec> current = new LinkedHashMap<>();
        snapshot().forEach(p -> current.put(p.name(), p.spec()));
        StackDiff diff = StackDiff.between(current, newStack.processes());
        List<ManagedProcess> toStop = snapshot().stream()
                .filter(p -> diff.removed().contains(p.name()) || diff.changed().contains(p.name())).toList();
        CompletableFuture<?>[] stops = toStop.stream().map(p -> p.stop(true)).toArray(CompletableFuture[]::new);
        long bound = StopDeadline.boundOfAll(toStop.stream().map(ManagedProcess::stopDeadline).toList(), false)
                .toMillis();
        awaitStop(CompletableFuture.allOf(stops), bound, "changed processes");
        List<ProcessLog> unused = new ArrayList<>();
        synchronized (this) {
            stack = newStack;
            Map<String, ManagedProcess> old = new LinkedHashMap<>(processes);
            processes.clear();
            for (ProcessSpec spec : newStack.processes().values()) {
                ManagedProcess kept = old.remove(spec.name());
                if (kept != null && diff.unchanged().contains(spec.name())) {
                    processes.put(spec.name(), kept);
                } else {
                    ManagedProcess fresh = add(spec, kept == null ? null : kept.log());
                    if (kept != null && fresh.log() != kept.log()) {
                        unused.add(kept.log());
                    }
                }
            }
            old.values().forEach(p -> unused.add(p.log()));
        }
        unused.forEach(ProcessLog::close);
        evaluate();
        return diff.toResult();
    }

    @Override
    public List<LogLine> logs(String name, int n) {
        return get(name).log().last(n);
    }

    @Override
    public Subscription followLogs(String name, Consumer<LogLine> consumer) {
        return get(name).log().follow(Objects.requireNonNull(consumer, "consumer"));
    }

    @Override
    public Subscription addListener(EventListener listener) {
        return events.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Optional<String> lastProbeError(String name) {
        return get(name).readinessFailure();
    }

    @Override
    public void publish(EventType type, String process, String detail) {
        events.emit(type, process, detail);
    }

    @Override
    public boolean awaitDown(Duration timeout) throws InterruptedException {
        try {
            downed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot fail", e);
        }
    }

    @Override
    public void close() {
        try {
            down();
        } finally {
            List<ManagedProcess> all = snapshot();
            all.forEach(p -> p.log().close());
            logFiles.close();
            events.close();
            SupervisorServices s;
            synchronized (this) {
                s = services;
                stopping = true;
            }
            if (s != null) {
                s.ledger.write();
                s.close();
            }
        }
    }
}
