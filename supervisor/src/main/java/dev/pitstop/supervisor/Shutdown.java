package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessTable;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.ShutdownSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.supervisor.platform.Child;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop sequence of one run: shutdown command or signal, a bounded grace period, SIGKILL to every member of the
 * group, then a bounded wait until the group is really empty. Completes {@link Run#stopping}; blocks no thread.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private final ProcessSpec spec;
    private final Stack stack;
    private final SupervisorServices sv;
    private final ProcessLog log;

    Shutdown(ProcessSpec spec, Stack stack, SupervisorServices sv, ProcessLog log) {
        this.spec = spec;
        this.stack = stack;
        this.sv = sv;
        this.log = log;
    }

    /**
     * @param stackGoingDown {@code down()} stops every process: then what left a group is found once, by the final
     *                       sweep of {@code down()}, not by one scan of {@code /proc} per process (500 processes
     *                       would cost 500 scans), except for an {@code is_daemon} process, whose daemon is the
     *                       service and gets its signal and grace period
     */
    void run(Run r, boolean stackGoingDown) {
        boolean scan = !stackGoingDown || spec.daemon();
        ShutdownSpec s = spec.shutdown();
        long grace = StopDeadline.of(s).grace().toMillis();
        // found before the group is asked: what left the group (setsid) is asked alike, or killed with it. (Found
        // after, a leader that dies while our children are read could take its stray's place out of the list.)
        List<ProcessTable.Stat> strays = scan ? sv.strays.of(spec.name(), Set.of(r.pid)) : List.of();
        boolean asked = askToStop(r, s, grace);
        int straySignal = asked || s.parentOnly() ? 0 : signalOf(s);
        CompletableFuture<Boolean> straysGone = sv.stopper.stopStrays(strays, straySignal, Duration.ofMillis(grace));
        CompletableFuture<Boolean> groupGone = r.exited.thenApply(code -> true)
                .completeOnTimeout(false, grace, TimeUnit.MILLISECONDS)
                .thenCompose(graceful -> {
                    if (!graceful) {
                        log.append("[pitstop] still running after " + grace + " ms: killing process group " + r.pid);
                    }
                    sv.signals.toGroup(r.pid, Signals.SIGKILL);
                    return r.exited.thenApply(code -> true)
                            .completeOnTimeout(false, StopDeadline.AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
                })
                .thenCompose(exited -> sv.reaper.awaitEmpty(r.pid, StopDeadline.AFTER_KILL));
        groupGone.thenCombine(straysGone, Boolean::logicalAnd)
                .thenCompose(empty -> scan ? afterEmpty(r).thenApply(late -> empty && late)
                        : CompletableFuture.completedFuture(empty))
                .whenComplete((empty, e) -> {
                    if (e != null || !Boolean.TRUE.equals(empty)) {
                        LOG.warn("process group {} of {} is not empty after SIGKILL", r.pid, spec.name(), e);
                    }
                    r.stopping.complete(null);
                });
    }

    /**
     * Once the group is empty, from one read of our children: members whose parent died first are our zombies now
     * (reaped), and what left the group while it was stopping (a child that called setsid during the grace period)
     * is killed.
     */
    private CompletableFuture<Boolean> afterEmpty(Run r) {
        List<Long> ourChildren = sv.proc.childPids(ProcessHandle.current().pid());
        sv.orphans.sweep(ourChildren);
        List<ProcessTable.Stat> late = sv.strays.of(spec.name(), Set.of(r.pid), ourChildren);
        if (late.isEmpty()) {
            return CompletableFuture.completedFuture(true);
        }
        return sv.stopper.stopStrays(late, Signals.SIGKILL, Duration.ZERO);
    }

    private static int signalOf(ShutdownSpec s) {
        return s.signal().number();
    }

    /** @return true when a shutdown command does the asking, false when a signal was sent */
    private boolean askToStop(Run r, ShutdownSpec s, long grace) {
        if (s.command() != null && !s.command().isBlank()) {
            try {
                Child command = sv.launcher.startHelper(stack, spec, s.command(), null);
                // a shutdown command that hangs must not outlive the grace period
                command.exit().thenApply(p -> true).completeOnTimeout(false, grace, TimeUnit.MILLISECONDS)
                        .thenAccept(done -> {
                            if (!done) {
                                sv.signals.toGroup(command.pid(), Signals.SIGKILL);
                            }
                        });
                return true;
            } catch (IOException e) {
                log.append("[pitstop] cannot run the shutdown command (" + e.getMessage() + "): sending SIGTERM");
            }
        }
        int signal = signalOf(s);
        if (s.parentOnly()) {
            sv.signals.toProcess(r.pid, signal);
        } else {
            sv.signals.toGroup(r.pid, signal);
        }
        return false;
    }
}
