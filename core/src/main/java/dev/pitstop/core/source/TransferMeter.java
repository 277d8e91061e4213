package dev.pitstop.core.source;

import jakarta.inject.Singleton;

/**
 * Counts what the sources' transports send and receive on behalf of one operation ({@code pitstop poll} of one
 * binary), on the thread that runs it: the engine opens a {@link Scope} around the source's call and reads its
 * {@link TransferCost} afterwards; a transport reports each request with {@link #request}. Requests made while no
 * scope is open on their thread (a download on a worker thread) are not counted.
 */
@Singleton
public final class TransferMeter {
    private final ThreadLocal<Scope> open = new ThreadLocal<>();

    /** Starts counting on this thread until the scope is closed; an enclosing scope resumes afterwards. */
    public Scope open() {
        Scope scope = new Scope(open.get());
        open.set(scope);
        return scope;
    }

    /**
     * @param status the HTTP status, or {@code 0} for a protocol without one (git)
     * @param bytes the bytes received
     */
    public void request(int status, long bytes) {
        Scope scope = open.get();
        if (scope != null) {
            scope.cost = scope.cost.plus(new TransferCost(1, status == 304 ? 1 : 0, Math.max(0, bytes)));
        }
    }

    /** One operation's count. */
    public final class Scope implements AutoCloseable {
        private final Scope outer;
        private TransferCost cost = TransferCost.NONE;

        private Scope(Scope outer) {
            this.outer = outer;
        }

        public TransferCost cost() {
            return cost;
        }

        @Override
        public void close() {
            if (outer == null) {
                open.remove();
            } else {
                outer.cost = outer.cost.plus(cost);
                open.set(outer);
            }
        }
    }
}
