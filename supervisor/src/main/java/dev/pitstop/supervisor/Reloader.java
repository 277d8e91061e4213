package dev.pitstop.supervisor;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.stack.DependencyReloadPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Health-gated reload of one process: stop, start from what is on disk now, wait for readiness within the deadline.
 * Concurrent reloads of one name share one attempt; a user's stop or a {@code down()} during the reload wins.
 */
final class Reloader {
    private static final int LAST_LINES = 20;

    /** Thrown inside one attempt; turned into a {@link ReloadFailedException} after cleaning up. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final Integer exitCode;
        final boolean stoppedByUser;

        Failure(String reason, Integer exitCode, boolean stoppedByUser) {
            super(reason, null, false, false);
            this.exitCode = exitCode;
            this.stoppedByUser = stoppedByUser;
        }
    }

    private final ConcurrentHashMap<String, CompletableFuture<ReloadResult>> inFlight = new ConcurrentHashMap<>();
    private final ExecutableHashes hashes;
    private final EventBus events;
    private final Function<String, List<ManagedProcess>> dependents;
    private final BooleanSupplier stackStopping;

    Reloader(EventBus events, Function<String, List<ManagedProcess>> dependents, BooleanSupplier stackStopping,
             ExecutableHashes hashes) {
        this.events = events;
        this.hashes = hashes;
        this.dependents = dependents;
        this.stackStopping = stackStopping;
    }

    ReloadResult reload(ManagedProcess mp) {
        CompletableFuture<ReloadResult> mine = new CompletableFuture<>();
        CompletableFuture<ReloadResult> running = inFlight.putIfAbsent(mp.name(), mine);
        if (running == null) {
            try {
                mine.complete(attempt(mp));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                inFlight.remove(mp.name(), mine);
            }
            running = mine;
        }
        return join(mp, running);
    }

    private static ReloadResult join(ManagedProcess mp, CompletableFuture<ReloadResult> result) {
        long bound = mp.spec().reloadTimeout().plus(mp.stopDeadline().bound()).toMillis();
        try {
            return result.get(bound, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new PitstopException("reload of " + mp.name() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while waiting for the reload of " + mp.name(), e);
        } catch (TimeoutException e) {
            throw new PitstopException("the reload of " + mp.name() + " did not finish within " + bound + " ms", e);
        }
    }

    private ReloadResult attempt(ManagedProcess mp) {
        String name = mp.name();
        Instant begin = Instant.now();
        Run old = mp.currentRun();
        long oldPid = old == null ? 0 : old.pid;
        events.emit(EventType.RELOAD_STARTED, name, "pid " + oldPid);
        ManagedProcess.ReloadStart start = mp.beginReload();
        long epoch = start.epoch();
        Run fresh = null;
        try {
            await(mp.stop(false), mp.stopDeadline(), "stopping pid " + oldPid);
            fresh = mp.launchUnlessStoppedSince(epoch, " (reload)");
            if (fresh == null) {
                checkNotStopped(mp, epoch);
                throw new Failure("cannot start: " + mp.launchError(), null, false);
            }
            awaitReady(mp, fresh, start);
            Sha256 executable = hashes.of(fresh.pid);
            mp.endReload(null);
            events.emit(EventType.RELOAD_SUCCEEDED, name, "pid " + oldPid + " -> " + fresh.pid
                    + (executable == null ? "" : " sha256 " + executable.hex()));
            ReloadResult result = new ReloadResult(name, oldPid, fresh.pid, executable,
                    Duration.between(begin, Instant.now()));
            restartDependents(name, Instant.now());
            return result;
        } catch (Failure f) {
            throw failed(mp, fresh, f);
        } catch (RuntimeException e) {
            throw failed(mp, fresh, new Failure(String.valueOf(e), null, false));
        }
    }

    private void awaitReady(ManagedProcess mp, Run fresh, ManagedProcess.ReloadStart start) throws Failure {
        long epoch = start.epoch();
        long timeout = mp.spec().reloadTimeout().toMillis();
        try {
            CompletableFuture.anyOf(fresh.ready, fresh.exited).get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // the ready future fails when the run exits: handled below
        } catch (TimeoutException e) {
            checkNotStopped(mp, epoch);
            throw new Failure("not ready within " + timeout + " ms", null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for readiness", null, false);
        }
        checkNotStopped(mp, epoch);
        if (fresh.ready.isDone() && !fresh.ready.isCompletedExceptionally()) {
            return;
        }
        Integer code = fresh.exited.getNow(null);
        if (start.oneShot() && code != null && mp.isSuccess(code)) {
            return; // a one-shot process that finished was simply run again, and finished again
        }
        throw new Failure("exited before it was ready", code, false);
    }

    private void checkNotStopped(ManagedProcess mp, long epoch) throws Failure {
        if (mp.stopEpoch() != epoch || stackStopping.getAsBoolean()) {
            throw new Failure("stopped during the reload (a stop or down wins)", null, true);
        }
    }

    private ReloadFailedException failed(ManagedProcess mp, Run fresh, Failure f) {
        if (fresh != null) {
            try {
                await(mp.stop(false), mp.stopDeadline(), "stopping");
                fresh.pumped.get(1, TimeUnit.SECONDS);
            } catch (Failure | ExecutionException | TimeoutException e) {
                // the last lines are read as far as they came; the stop itself is bounded and logged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        mp.endReload(f.stoppedByUser ? null : "reload failed: " + f.getMessage());
        events.emit(EventType.RELOAD_FAILED, mp.name(), f.getMessage()
                + (f.exitCode == null ? "" : " (exit code " + f.exitCode + ")"));
        return new ReloadFailedException(mp.name(), f.getMessage(), f.exitCode, 
                fresh == null ? List.of() : mp.log().lastTexts(LAST_LINES, fresh.startedAt));
    }

    /**
     * Restarts the dependents whose policy says so and whose process started before the dependency's new one was
     * ready. A dependent with a reload of its own in flight is waited for first: stopping it under that reload
     * made the reload fail with "stopped during the reload", and a run it starts after {@code dependencyReady}
     * already sees the new dependency.
     */
    private void restartDependents(String name, Instant dependencyReady) {
        List<ManagedProcess> restart = dependents.apply(name).stream()
                .filter(d -> d.spec().onDependencyReload() == DependencyReloadPolicy.RESTART)
                .peek(this::awaitOwnReload)
                .filter(d -> d.currentRun() != null && d.currentRun().startedAt.isBefore(dependencyReady))
                .toList();
        List<CompletableFuture<Void>> stops = restart.stream().map(d -> d.stop(true)).toList();
        for (int i = 0; i < restart.size(); i++) {
            ManagedProcess d = restart.get(i);
            try {
                await(stops.get(i), d.stopDeadline(), "stopping " + d.name());
            } catch (Failure f) {
                events.emit(EventType.WARNING, d.name(), "restart after reload of " + name + ": " + f.getMessage());
            }
            if (!stackStopping.getAsBoolean()) {
                d.start();
            }
        }
    }

    private void awaitOwnReload(ManagedProcess d) {
        CompletableFuture<ReloadResult> own = inFlight.get(d.name());
        if (own == null) {
            return;
        }
        try {
            join(d, own);
        } catch (RuntimeException e) {
            // its own caller gets the failure; here it only decides whether a restart is still needed
        }
    }

    private static void await(CompletableFuture<Void> f, StopDeadline deadline, String what) throws Failure {
        try {
            f.get(deadline.bound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while " + what, null, false);
        } catch (ExecutionException | TimeoutException e) {
            throw new Failure(what + " did not finish: " + e, null, false);
        }
    }
}
