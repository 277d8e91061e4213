package dev.pitstop.supervisor;

import dev.pitstop.core.process.ProcessState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Starts every pending process whose dependency conditions hold and skips those whose conditions never can; notices
 * when every process has ended. Requests made while one is queued are folded into it.
 */
final class Evaluation {
    private final Roster roster;
    private final BooleanSupplier stopping;
    private final Consumer<Runnable> executor;
    private final CompletableFuture<Void> ended;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** User restarts in progress: between their stop and start the process has ended, the project has not. */
    private final AtomicInteger restarts = new AtomicInteger();

    /** @param ended completed once every process has ended: the moment Process Compose's project completes */
    Evaluation(Roster roster, BooleanSupplier stopping, Consumer<Runnable> executor, CompletableFuture<Void> ended) {
        this.roster = roster;
        this.stopping = stopping;
        this.executor = executor;
        this.ended = ended;
    }

    /** Something a dependency condition may look at changed: evaluate soon, on a worker. */
    void request() {
        if (!stopping.getAsBoolean() && queued.compareAndSet(false, true)) {
            executor.accept(() -> {
                queued.set(false);
                run();
            });
        }
    }

    /** Runs a user's restart; while it runs, every process having ended is not the end of the project. */
    void duringRestart(Runnable restart) {
        restarts.incrementAndGet();
        try {
            restart.run();
        } finally {
            restarts.decrementAndGet();
            request();
        }
    }

    void run() {
        if (stopping.getAsBoolean()) {
            return;
        }
        List<ManagedProcess> all = roster.snapshot();
        if (restarts.get() == 0 && !all.isEmpty() && all.stream().allMatch(ManagedProcess::hasEnded)) {
            ended.complete(null);
        }
        for (ManagedProcess mp : all) {
            if (mp.facts().state() != ProcessState.PENDING) {
                continue;
            }
            DependencyGate.Decision d = DependencyGate.decide(mp.spec(), roster::factsOf);
            if (d.verdict() == DependencyGate.Verdict.NEVER) {
                mp.skip(d.reason());
            } else if (d.verdict() == DependencyGate.Verdict.START) {
                long epoch = mp.claimPending();
                if (epoch >= 0) {
                    executor.accept(() -> mp.launchUnlessStoppedSince(epoch, ""));
                }
            }
        }
    }
}
