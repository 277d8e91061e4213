package dev.pitstop.core;

/**
 * A registration that ends when closed: a log follower, an event listener. Closing never fails and may be
 * repeated, so a {@code try}-with-resources over it needs no {@code catch}.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
