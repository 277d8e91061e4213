package dev.pitstop.testkit;

import dev.pitstop.core.Engine;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Waits, driven by the engine's events rather than by polling, until a started stack is ready. */
public final class StackReadiness {
    private StackReadiness() {}

    /** Whether a process counts as up: running and not failing its readiness probe, or done successfully. */
    public static boolean isUp(ProcessStatus status) {
        return switch (status.state()) {
            case RUNNING -> status.health() != Health.NOT_READY;
            case COMPLETED, DISABLED, SKIPPED -> true;
            default -> false;
        };
    }

    /**
     * Blocks until every process is up.
     *
     * @throws IllegalStateException naming the processes that are not, once the timeout passes or a process
     *                               ends in {@link ProcessState#ERROR}
     */
    public static void await(Engine engine, Duration timeout) throws InterruptedException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Runnable check = () -> {
            List<ProcessStatus> ps = engine.ps();
            if (ps.stream().anyMatch(s -> s.state() == ProcessState.ERROR)) {
                ready.completeExceptionally(new IllegalStateException("stack failed: " + describe(ps)));
            } else if (ps.stream().allMatch(StackReadiness::isUp)) {
                ready.complete(null);
            }
        };
        try (AutoCloseable subscription = engine.addListener(event -> check.run())) {
            check.run();
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("stack not ready after " + timeout + ": " + describe(engine.ps()), e);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not follow the stack's events", e);
        }
    }

    private static String describe(List<ProcessStatus> ps) {
        return ps.stream().filter(s -> !isUp(s))
                .map(s -> s.name() + "=" + s.state().label() + "/" + s.health().label())
                .collect(Collectors.joining(", "));
    }
}
