package dev.pitstop.testkit;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stack the testkit started: its engine, its free ports, and waits in the spirit of Testcontainers'. Test
 * methods get it as a parameter; JUnit closes it (the stack goes down) when its class or method is done, on every
 * JUnit 5 version: it is both the {@code CloseableResource} JUnit 5.0–5.12 close and the {@link AutoCloseable} that
 * 5.13 and later close.
 */
@SuppressWarnings("deprecation") // CloseableResource: deprecated in 5.13, the only kind that 5.10–5.12 close
public final class PitstopStack implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** A process of an earlier, killed run that the supervisor found alive and stopped before this run started. */
    public record Leftover(String process, String detail) {}

    private final Engine engine;
    private final Path workDir;
    private final Map<String, Integer> ports;
    private final List<Leftover> leftovers;
    private final Waits waits;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private boolean closed;

    PitstopStack(Engine engine, Path workDir, Map<String, Integer> ports, List<Leftover> leftovers) {
        this.engine = engine;
        this.workDir = workDir;
        this.ports = Map.copyOf(ports);
        this.leftovers = List.copyOf(leftovers);
        this.waits = new Waits(engine);
    }

    public Engine engine() {
        return engine;
    }

    /** The free port chosen for a name of {@code ports}; the stack file saw it as {@code ${NAME}}. */
    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port named '" + name + "'; the stack's ports are " + ports.keySet());
        }
        return port;
    }

    /** The folder the stack runs in (a copy of the stack file's folder); its state is in {@code .pitstop/}. */
    public Path workDir() {
        return workDir;
    }

    /** What an earlier, killed run of this test left running; already stopped, and printed when found. */
    public List<Leftover> leftovers() {
        return leftovers;
    }

    /**
     * Waits until a line of the process's output (from its current run or an earlier one) matches {@code regex}
     * ({@link java.util.regex.Matcher#find()}).
     *
     * @return the first matching line
     * @throws AssertionError after {@code timeout}, with the process's last lines
     */
    public String awaitLogLine(String process, String regex, Duration timeout) {
        return waits.logLine(process, regex, timeout);
    }

    /** Waits up to 30 s until the process is running and ready (or running, if it has no readiness check). */
    public void awaitHealthy(String process) {
        awaitHealthy(process, Duration.ofSeconds(30));
    }

    /** @throws AssertionError after {@code timeout}, or at once when the process ends in {@code Error} */
    public void awaitHealthy(String process, Duration timeout) {
        waits.healthy(process, timeout);
    }

    /** Waits up to 30 s until something accepts connections on 127.0.0.1:{@code port}. */
    public void awaitPort(int port) {
        awaitPort(port, Duration.ofSeconds(30));
    }

    public void awaitPort(int port, Duration timeout) {
        waits.port(port, timeout);
    }

    /**
     * Hands every new output line of the process to {@code consumer}, on a Pitstop thread, until the subscription
     * or the stack is closed.
     */
    public Subscription onLog(String process, Consumer<String> consumer) {
        Subscription subscription = engine.followLogs(process, line -> consumer.accept(line.text()));
        subscriptions.add(subscription);
        return subscription;
    }

    /** Brings the stack down and waits until none of its processes is left. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        subscriptions.forEach(Subscription::close);
        engine.close();
    }
}
