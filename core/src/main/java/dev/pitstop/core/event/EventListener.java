package dev.pitstop.core.event;

/** Receives every event of a running stack, in order, on a Pitstop thread; must not block. */
@FunctionalInterface
public interface EventListener {
    void onEvent(Event event);
}
