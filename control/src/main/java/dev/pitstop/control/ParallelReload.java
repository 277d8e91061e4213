package dev.pitstop.control;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.io.NamedThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Reloads several processes at once, at most {@link #THREADS} at a time, and reports each outcome in order. */
final class ParallelReload {
    static final int THREADS = 4;
    /** Far above any reload timeout; only a wedged engine reaches it. */
    static final long DEADLINE_MINUTES = 30;

    private ParallelReload() {}

    static List<ReloadOutcome> run(List<String> names, Function<String, ReloadOutcome> reload) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, names.size())),
                new NamedThreads("pitstop-control-reload"));
        try {
            List<Future<ReloadOutcome>> futures = new ArrayList<>();
            names.forEach(name -> futures.add(pool.submit(() -> reload.apply(name))));
            List<ReloadOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                outcomes.add(await(names.get(i), futures.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ReloadOutcome await(String name, Future<ReloadOutcome> future) {
        try {
            return future.get(DEADLINE_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new PitstopException("interrupted while reloading " + name, e);
        } catch (ExecutionException e) {
            return ReloadFailed.refused(name, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
            return ReloadFailed.refused(name, "no outcome after " + DEADLINE_MINUTES + " minutes");
        }
    }
}
