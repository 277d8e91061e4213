package dev.pitstop.supervisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code ordered_shutdown}: each process stops once every process that depends on it has stopped. */
final class ShutdownOrder {
    private final List<ManagedProcess> all;
    private final Map<String, CompletableFuture<Void>> stopped = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();

    ShutdownOrder(List<ManagedProcess> all) {
        this.all = all;
    }

    CompletableFuture<Void> stopAll() {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (ManagedProcess mp : all) {
            futures.add(stopAfterDependents(mp));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> stopAfterDependents(ManagedProcess mp) {
        CompletableFuture<Void> known = stopped.get(mp.name());
        if (known != null) {
            return known;
        }
        if (!visiting.add(mp.name())) {
            return CompletableFuture.completedFuture(null); // a cycle: the reader rejects those, code may not
        }
        List<CompletableFuture<Void>> first = new ArrayList<>();
        for (ManagedProcess other : all) {
            if (other.spec().dependsOn().containsKey(mp.name())) {
                first.add(stopAfterDependents(other));
            }
        }
        CompletableFuture<Void> f = CompletableFuture.allOf(first.toArray(CompletableFuture[]::new))
                .thenCompose(x -> mp.stop(true));
        stopped.put(mp.name(), f);
        return f;
    }
}
