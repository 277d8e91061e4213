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
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.StackStoppedException;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    private final Roster roster;
    private final Evaluation evaluation;
    private final CompletableFuture<Void> downed = new CompletableFuture<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** The values of the stack's {@code env_cmds}, from its start (Process Compose runs them once). */
    private volatile EnvCommands envCommands = EnvCommands.none();
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
        this.roster = new Roster(config, events, this);
        this.evaluation = new Evaluation(roster, () -> stopping, task -> services.execute(task), ended);
        this.reloader = new Reloader(events, roster::dependentsOf, () -> stopping,
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
        previous.ifPresent(p -> new Leftovers(services.proc, services.stopper).stopBefore(p, stack, events));
        EnvCommands values = stack.envCommands().isEmpty() ? EnvCommands.none()
                : EnvCommands.run(stack, new CheckRunner(services.launcher, services.signals), events);
        synchronized (this) {
            envCommands = values;
            this.stack = values.applyTo(stack);
            services.ledger.write();
            this.stack.processes().values().forEach(spec -> roster.add(services, spec, null));
        }
        evaluation.run();
    }

    private static void checkName(String name) {
        try {
            new ProcessName(name);
        } catch (IllegalArgumentException e) {
            throw new PitstopException("process '" + name + "': " + e.getMessage(), e);
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
        evaluation.request();
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

    @Override
    public void down() {
        List<ManagedProcess> all;
        synchronized (this) {
            if (services == null || downed.isDone()) {
                return;
            }
            stopping = true;
            all = roster.snapshot();
        }
        try {
            StackStop.all(all, stack.orderedShutdown(), services);
        } finally {
            synchronized (this) {
                if (!downed.isDone()) {
                    events.emit(EventType.STACK_STOPPED, null, "");
                    downed.complete(null);
                }
            }
        }
    }

    @Override
    public List<ProcessStatus> ps() {
        return roster.snapshot().stream().map(ManagedProcess::status).toList();
    }

    @Override
    public ProcessStatus status(String name) {
        return roster.get(name).status();
    }

    @Override
    public CheckResult runCheck(String name, String command, Duration timeout) {
        ManagedProcess mp = roster.get(name);
        SupervisorServices running = services;
        if (running == null) {
            throw new IllegalStateException("the stack is not running");
        }
        return new CheckRunner(running.launcher, running.signals).run(stack, mp.spec(), command, timeout);
    }

    @Override
    public ReloadResult reload(String name) {
        ManagedProcess mp = roster.get(name);
        requireRunning();
        return reloader.reload(mp);
    }

    @Override
    public void restart(String name) {
        ManagedProcess mp = roster.get(name);
        requireRunning();
        evaluation.duringRestart(() -> {
            StackStop.one(mp);
            mp.start();
        });
    }

    @Override
    public void start(String name) {
        ManagedProcess mp = roster.get(name);
        requireRunning();
        mp.start();
    }

    @Override
    public void stop(String name) {
        StackStop.one(roster.get(name));
    }

    private void requireRunning() {
        if (stopping) {
            throw new StackStoppedException();
        }
    }

    @Override
    public ApplyResult apply(Stack reread) {
        requireRunning();
        Stack newStack = envCommands.applyTo(reread);
        newStack.processes().keySet().forEach(ProcessSupervisor::checkName);
        Map<String, ProcessSpec> current = new LinkedHashMap<>();
        roster.snapshot().forEach(p -> current.put(p.name(), p.spec()));
        StackDiff diff = StackDiff.between(current, newStack.processes());
        StackStop.some(roster.snapshot().stream()
                .filter(p -> diff.removed().contains(p.name()) || diff.changed().contains(p.name())).toList(),
                "changed processes");
        List<ProcessLog> unused;
        synchronized (this) {
            stack = newStack;
            unused = roster.replace(services, newStack, diff);
        }
        unused.forEach(ProcessLog::close);
        evaluation.run();
        return diff.toResult();
    }

    @Override
    public List<LogLine> logs(String name, int n) {
        return roster.get(name).log().last(n);
    }

    @Override
    public Subscription followLogs(String name, Consumer<LogLine> consumer) {
        return roster.get(name).log().follow(Objects.requireNonNull(consumer, "consumer"));
    }

    @Override
    public Subscription addListener(EventListener listener) {
        return events.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Optional<String> lastProbeError(String name) {
        return roster.get(name).readinessFailure();
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
            roster.close();
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
