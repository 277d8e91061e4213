package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessPlatform;
import dev.pitstop.supervisor.platform.ProcessPlatforms;
import dev.pitstop.supervisor.platform.ProcessTable;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.process.LaunchCheck;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads shared by every process of one stack run: the process platform's loop (every exit and every output
 * pipe), a scheduler for timers, probes and group scans, and a small pool for short tasks (exit handling, launches).
 * Nothing here may block for long; waits are futures.
 */
final class SupervisorServices implements AutoCloseable {
    final SupervisorConfig config;
    final ScheduledExecutorService scheduler;
    final ExecutorService workers;
    /** The HTTP client and channel group of http_get and tcp probes, made when a probe first needs them. */
    final ProbeTransports transports;
    final ProcessPlatform platform;
    /** Which platform runs this stack and why, as reported at start. */
    final ProcessPlatforms.Choice platformChoice;
    final ProcessTable proc;
    final Signals signals;
    final ChildLauncher launcher;
    final GroupReaper reaper;
    final GroupStopper stopper;
    final OrphanReaper orphans;
    final Strays strays;
    final Probes probes;
    final EventBus events;
    /** Unique per stack run; every child carries it in its environment. */
    final String runId = UUID.randomUUID().toString();
    final RunLedger ledger;
    final Notifications notifications;

    SupervisorServices(SupervisorConfig config, EventBus events, Path stateDir, LaunchCheck launchCheck) {
        this.config = config;
        this.events = events;
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, new NamedThreads("pitstop-timer"));
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = timers;
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreads("pitstop-worker"));
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.transports = new ProbeTransports(workers);
        this.platformChoice = choosePlatform(workers);
        this.platform = platformChoice.platform();
        this.proc = platform.table();
        this.signals = new Signals(platform);
        this.orphans = new OrphanReaper(platform, proc, signals, runId, scheduler);
        this.launcher = new Launcher(runId, launchCheck, orphans, platform);
        this.reaper = new GroupReaper(proc, signals, scheduler);
        this.stopper = new GroupStopper(proc, signals, reaper, orphans);
        this.strays = new Strays(proc, runId, orphans.subreaper(), orphans::launched);
        this.ledger = new RunLedger(stateDir, runId, proc, workers);
        this.probes = new Probes(transports, launcher, signals);
        this.notifications = new Notifications(stateDir, runId, platform);
    }

    private ProcessPlatforms.Choice choosePlatform(ExecutorService pool) {
        try {
            return ProcessPlatforms.open(System.getenv(ProcessPlatforms.VARIABLE), pool, "pitstop-loop");
        } catch (IllegalArgumentException | IllegalStateException e) {
            scheduler.shutdownNow();
            pool.shutdownNow();
            transports.close();
            throw new PitstopException(e.getMessage(), e);
        }
    }

    /** Runs a short task on the workers; dropped once the supervisor is closed. */
    void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: down() sweeps whatever this task would have handled
        }
    }

    @Override
    public void close() {
        orphans.close();
        notifications.close();
        platform.close();
        scheduler.shutdownNow();
        workers.shutdown();
        transports.close();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
