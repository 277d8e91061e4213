package dev.pitstop.supervisor;

import dev.pitstop.core.Subscription;
import dev.pitstop.core.process.LogLine;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code followLogs} subscription: a bounded queue drained by its own thread. When the consumer is slower than
 * the process, lines are dropped and counted (the consumer then sees one marker line) so the pump never waits.
 */
final class LogFollower implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);

    private final String process;
    private final BlockingQueue<LogLine> queue;
    private final Consumer<LogLine> consumer;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private final Consumer<LogFollower> onClose;

    LogFollower(String process, int capacity, Consumer<LogLine> consumer, Consumer<LogFollower> onClose) {
        this.process = process;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.onClose = onClose;
        this.thread = NamedThreads.named("pitstop-follow-" + process, this::drain);
    }

    void start() {
        thread.start();
    }

    /** Called by the pump; never blocks. */
    void offer(LogLine line) {
        if (!queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void drain() {
        long reported = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                LogLine line = queue.take();
                long lost = dropped.get();
                if (lost > reported) {
                    consumer.accept(new LogLine(Instant.now(), process,
                            "[pitstop] " + (lost - reported) + " lines dropped: the follower was too slow"));
                    reported = lost;
                }
                consumer.accept(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("log follower of {} failed; it is closed", process, e);
            onClose.accept(this);
        }
    }

    @Override
    public void close() {
        onClose.accept(this);
        thread.interrupt();
    }
}
