package dev.pitstop.core.engine;

import dev.pitstop.core.NotReadyException;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.Supervisor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link dev.pitstop.core.Engine#awaitReady}: re-checks the processes on each event of the stack (every state or
 * health change is one), so the wait ends as soon as the last process is ready, without polling.
 */
final class ReadinessWait {
    /** Log lines quoted per process that is not ready. */
    static final int LOG_LINES = 10;

    private final Supervisor supervisor;

    ReadinessWait(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    /** Whether a process counts as ready: running and not failing its readiness check, or done. */
    static boolean isReady(ProcessStatus status) {
        return switch (status.state()) {
            case RUNNING -> status.health() != Health.NOT_READY;
            case COMPLETED, DISABLED, SKIPPED -> true;
            default -> false;
        };
    }

    @SuppressWarnings("try") // the listener is needed exactly while waiting
    void await(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Runnable check = () -> {
            List<ProcessStatus> ps = supervisor.ps();
            if (ps.stream().anyMatch(s -> s.state() == ProcessState.ERROR)) {
                ready.completeExceptionally(failure(null, ps));
            } else if (ps.stream().allMatch(ReadinessWait::isReady)) {
                ready.complete(null);
            }
        };
        try (Subscription subscription = supervisor.addListener(event -> check.run())) {
            check.run();
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure(timeout, supervisor.ps());
        } catch (ExecutionException e) {
            throw (NotReadyException) e.getCause();
        }
    }

    private NotReadyException failure(Duration waited, List<ProcessStatus> ps) {
        return new NotReadyException(waited, ps.stream().filter(s -> !isReady(s))
                .map(s -> new NotReadyException.Laggard(s, supervisor.lastProbeError(s.name()),
                        supervisor.logs(s.name(), LOG_LINES).stream().map(l -> l.text()).toList()))
                .toList());
    }
}
