package dev.pitstop.supervisor;

import dev.pitstop.core.process.ProcessState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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

    void run() {
        if (stopping.getAsBoolean()) {
            return;
        }
        List<ManagedProcess> all = roster.snapshot();
        if (!all.isEmpty() && all.stream().allMatch(ManagedProcess::hasEnded)) {
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
