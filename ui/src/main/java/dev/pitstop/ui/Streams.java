package dev.pitstop.ui;

import dev.pitstop.control.ControlApi;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.LogLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feeds of open pages, as server-sent events. Each feed has two threads: one follows the stack through
 * the {@link ControlApi} and only offers to a bounded queue (it never blocks the engine's dispatcher), the other
 * writes the queue to the browser. A browser that leaves fails the next write (a ping every few seconds at
 * most), which stops both. Nothing runs while no page is open.
 */
final class Streams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Streams.class);
    /** How often the Stack page's resources (CPU, RSS, uptime) are sent while it is open. */
    static final long STACK_MILLIS = 2_000;
    private static final long PING_MILLIS = 10_000;
    private static final int CAPACITY = 10_000;
    /** Events a new page gets first: the timeline it starts with. */
    static final int HISTORY = 1_000;
    /** Events after which the Stack page is sent at once rather than with the next tick. */
    private static final Set<EventType> CHANGES = EnumSet.complementOf(EnumSet.of(EventType.WARNING));

    private final ControlApi api;
    private final ExecutorService threads;

    Streams(ControlApi api) {
        this.api = api;
        AtomicInteger next = new AtomicInteger(1);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pitstop-ui-stream-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The stack feed: the last {@link #HISTORY} events and each new one ({@code event}), and the Stack page
     * ({@code stack}) on changes and every {@link #STACK_MILLIS}.
     */
    void stack(StackView view, Replies json, Response response, Callback callback) {
        BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
        Future<?> follow = threads.submit(() -> follow(c -> api.followEvents(HISTORY, c), queue));
        threads.submit(() -> finish(callback, follow, () -> {
            SseSink sink = new SseSink(response);
            sink.event("stack", json.write(view.page()));
            long nextTick = System.currentTimeMillis() + STACK_MILLIS;
            while (!follow.isDone()) {
                Event first = queue.poll(Math.max(1, nextTick - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                List<Event> events = drain(first, queue);
                for (Event e : events) {
                    sink.event("event", json.write(e));
                }
                if (events.stream().anyMatch(e -> CHANGES.contains(e.type())) || System.currentTimeMillis() >= nextTick) {
                    sink.event("stack", json.write(view.page()));
                    nextTick = System.currentTimeMillis() + STACK_MILLIS;
                }
            }
            sink.event("end", "{}");
        }));
    }

    /** The log feed of one process: its last {@code lastN} lines, then each new one ({@code log}). */
    void logs(String name, int lastN, Replies json, Response response, Callback callback) {
        BlockingQueue<LogLine> queue = new ArrayBlockingQueue<>(CAPACITY);
        Future<?> follow = threads.submit(() -> follow(c -> api.followLogs(name, lastN, c), queue));
        threads.submit(() -> finish(callback, follow, () -> {
            SseSink sink = new SseSink(response);
            sink.ping();
            while (!follow.isDone()) {
                List<LogLine> lines = drain(queue.poll(PING_MILLIS, TimeUnit.MILLISECONDS), queue);
                if (lines.isEmpty()) {
                    sink.ping();
                } else {
                    sink.event("log", json.write(lines));
                }
            }
            sink.event("end", "{}");
        }));
    }

    private <T> void follow(Following<T> how, BlockingQueue<T> queue) {
        try {
            how.follow(queue::offer); // a full queue drops: a browser that far behind reloads the page
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                log.debug("dashboard feed ended: {}", e.toString());
            }
        }
    }

    private static <T> List<T> drain(T first, BlockingQueue<T> queue) {
        List<T> items = new ArrayList<>();
        if (first != null) {
            items.add(first);
            queue.drainTo(items);
        }
        return items;
    }

    private static void finish(Callback callback, Future<?> follow, Writing writing) {
        try {
            writing.write();
            callback.succeeded();
        } catch (InterruptedException e) {
            callback.failed(e);
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            callback.failed(e); // the browser left
        } finally {
            follow.cancel(true);
        }
    }

    @FunctionalInterface
    private interface Following<T> {
        void follow(Consumer<T> each) throws InterruptedException;
    }

    @FunctionalInterface
    private interface Writing {
        void write() throws IOException, InterruptedException;
    }

    /** Ends every feed: interrupts both threads of each. */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("dashboard feeds still busy after closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
