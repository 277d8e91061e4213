package dev.pitstop.supervisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.event.EventType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers events and hands them to one dispatcher thread, which appends them to {@code events.jsonl} and calls the
 * listeners. Emitting never blocks on I/O or on a listener, so it is safe under a process's lock.
 */
final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private static final Event END = new Event(-1, Instant.EPOCH, EventType.WARNING, null, "");

    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private long seq;
    private volatile OutputStream out;
    private Thread dispatcher;

    /** Opens (appending) the journal and starts the dispatcher. */
    synchronized void open(Path journal) {
        if (dispatcher != null) {
            return;
        }
        try {
            PrivateFiles.parentsOf(journal);
            out = PrivateFiles.append(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open event journal " + journal, e);
        }
        dispatcher = NamedThreads.named("pitstop-events", this::dispatch);
        dispatcher.start();
    }

    synchronized void emit(EventType type, String process, String detail) {
        queue.add(new Event(++seq, Instant.now(), type, process, detail == null ? "" : detail));
    }

    Subscription addListener(EventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void dispatch() {
        try {
            for (Event e = queue.take(); e != END; e = queue.take()) {
                write(e, queue.isEmpty());
                for (EventListener l : listeners) {
                    try {
                        l.onEvent(e);
                    } catch (RuntimeException ex) {
                        LOG.warn("event listener {} failed on {}", l, e, ex);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Event e, boolean flush) {
        if (out == null) {
            return;
        }
        try {
            writeLine(e);
            if (flush) {
                out.flush();
            }
        } catch (IOException ex) {
            LOG.error("cannot write the event journal; later events only reach listeners", ex);
            out = null;
        }
    }

    private void writeLine(Event e) throws IOException {
        ObjectNode line = json.createObjectNode()
                .put("seq", e.seq())
                .put("time", e.time().toString())
                .put("type", e.type().name())
                .put("process", e.process())
                .put("detail", e.detail());
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
    }

    /** Delivers what was emitted so far, then stops the dispatcher and closes the journal. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = dispatcher;
            dispatcher = null;
        }
        if (t == null) {
            return;
        }
        queue.add(END);
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                LOG.warn("cannot close the event journal", e);
            }
        }
    }
}
