package dev.pitstop.core.engine;

import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last events of a run, for {@code pitstop events} without re-reading {@code events.jsonl}. */
final class EventBuffer implements EventListener {
    private final int capacity;
    private final ArrayDeque<Event> events;

    EventBuffer(int capacity) {
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    @Override
    public synchronized void onEvent(Event event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    synchronized List<Event> last(int n) {
        List<Event> all = new ArrayList<>(events);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
    }
}
