package dev.pitstop.core;

import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.stack.Stack;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One stack, run and controlled from Java. The control socket and the CLI call exactly these operations.
 * Obtain one from {@link EngineFactory}.
 */
public interface Engine extends AutoCloseable {

    Stack stack();

    /** Starts the stack; returns once every process was launched or is waiting for its dependencies. */
    void up();

    /** Stops every process and waits until none is left. Idempotent. */
    void down();

    /** Blocks until the stack is down or the timeout passes. */
    boolean awaitDown(Duration timeout) throws InterruptedException;

    List<ProcessStatus> ps();

    ReloadResult reload(String name);

    void restart(String name);

    void start(String name);

    void stop(String name);

    /** Re-reads the stack file and applies the difference. */
    ApplyResult apply();

    List<LogLine> logs(String name, int lastN);

    AutoCloseable followLogs(String name, Consumer<LogLine> consumer);

    /** The last {@code lastN} events of this run. */
    List<Event> events(int lastN);

    AutoCloseable addListener(EventListener listener);

    @Override
    void close();
}
