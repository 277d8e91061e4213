package dev.pitstop.core.engine;

import dev.pitstop.core.Engine;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventListener;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.stack.StackReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Runs one stack: reads it, hands it to a supervisor, and forwards the control operations. */
final class DefaultEngine implements Engine {
    private static final int EVENTS_KEPT = 10_000;

    private final StackReader reader;
    private final Supervisor supervisor;
    private final EventBuffer events = new EventBuffer(EVENTS_KEPT);
    private volatile Stack stack;

    DefaultEngine(StackReader reader, Supervisor supervisor, Stack stack) {
        this.reader = reader;
        this.supervisor = supervisor;
        this.stack = stack;
        supervisor.addListener(events);
    }

    @Override
    public Stack stack() {
        return stack;
    }

    @Override
    public void up() {
        try {
            Files.createDirectories(stack.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stack.stateDir(), e);
        }
        supervisor.up(stack);
    }

    @Override
    public void down() {
        supervisor.down();
    }

    @Override
    public boolean awaitDown(Duration timeout) throws InterruptedException {
        return supervisor.awaitDown(timeout);
    }

    @Override
    public List<ProcessStatus> ps() {
        return supervisor.ps();
    }

    @Override
    public ReloadResult reload(String name) {
        return supervisor.reload(name);
    }

    @Override
    public void restart(String name) {
        supervisor.restart(name);
    }

    @Override
    public void start(String name) {
        supervisor.start(name);
    }

    @Override
    public void stop(String name) {
        supervisor.stop(name);
    }

    @Override
    public ApplyResult apply() {
        Stack fresh = reader.read(stack.file());
        ApplyResult result = supervisor.apply(fresh);
        stack = fresh;
        return result;
    }

    @Override
    public List<LogLine> logs(String name, int lastN) {
        return supervisor.logs(name, lastN);
    }

    @Override
    public AutoCloseable followLogs(String name, Consumer<LogLine> consumer) {
        return supervisor.followLogs(name, consumer);
    }

    @Override
    public List<Event> events(int lastN) {
        return events.last(lastN);
    }

    @Override
    public AutoCloseable addListener(EventListener listener) {
        return supervisor.addListener(listener);
    }

    @Override
    public void close() {
        supervisor.close();
    }
}
