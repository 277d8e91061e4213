package dev.pitstop.control;

import dev.pitstop.core.Engine;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.io.NamedThreads;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control channel of a running stack: HTTP/1.1 + JSON on the Unix domain socket
 * {@code <stateDir>/pitstop.sock} (mode 0600), next to {@code pitstop.pid}. Routes are listed in
 * {@code docs/cli.md}; every one is a call on a {@link LocalControl} over the {@link Engine}.
 *
 * <pre>{@code
 * try (ControlServer control = new ControlServer(engine, stack.stateDir())) {
 *     control.start();
 *     ...
 * }
 * }</pre>
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);

    private final LocalControl api;
    private final Path stateDir;
    private final Answers answers;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private ServerSocketChannel server;
    private Thread acceptor;
    private Lanes lanes;
    private ScheduledExecutorService timer;
    private ConnectionHandler connectionHandler;
    private volatile boolean closed;

    /** A server that answers JSON only. */
    public ControlServer(Engine engine, Path stateDir) {
        this(engine, stateDir, null);
    }

    /** @param text renders {@code ?format=text} answers, or {@code null} to answer JSON only */
    public ControlServer(Engine engine, Path stateDir, TextRendering text) {
        this.api = new LocalControl(Objects.requireNonNull(engine, "engine"));
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir").toAbsolutePath();
        this.answers = new Answers(new ControlJson(), text);
    }

    /** The socket this server listens on (once started). */
    public Path socketPath() {
        return SocketLocation.of(stateDir);
    }

    /**
     * Claims the socket and starts serving.
     *
     * @throws PitstopException if another live stack owns the socket, or it cannot be created
     */
    public synchronized void start() {
        if (server != null || closed) {
            throw new IllegalStateException("a ControlServer starts once");
        }
        try {
            server = SocketClaim.claim(stateDir);
        } catch (IOException e) {
            throw new PitstopException("cannot open the control socket " + socketPath() + ": " + e.getMessage(), e);
        }
        lanes = new Lanes();
        timer = Executors.newSingleThreadScheduledExecutor(new NamedThreads("pitstop-control-timer"));
        Routes routes = new Routes(api, new ControlJson(), () -> closed);
        connectionHandler = new ConnectionHandler(routes, answers, timer, connections, lanes);
        acceptor = new NamedThreads("pitstop-control-accept").newThread(this::acceptLoop);
        acceptor.start();
        log.debug("control socket listening on {}", socketPath());
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("control socket accept failed: {}", e.toString());
                continue;
            }
            connections.add(channel);
            try {
                lanes.readers().execute(() -> connectionHandler.serve(channel));
            } catch (RejectedExecutionException e) {
                connectionHandler.refuse(channel, Lanes.readersBusy());
            }
        }
    }

    /** Stops serving, ends open streams, and removes the socket and pid file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server == null) {
            return;
        }
        ConnectionHandler.closeQuietly(server);
        // let requests in flight finish (an answer to "down" is one); follow streams see `closed` and end
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            // readers first: a request read late may still hand work over
            for (ExecutorService pool : new ExecutorService[] {lanes.readers(), lanes.work()}) {
                pool.shutdown();
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                    connections.forEach(ConnectionHandler::closeQuietly); // e.g. a client that stopped reading
                }
            }
            timer.shutdownNow(); // last: requests still read above need their read deadline
            for (ExecutorService pool : new ExecutorService[] {lanes.readers(), lanes.work(), timer}) {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("control threads still busy after closing {}", socketPath());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            SocketClaim.release(stateDir);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", socketPath(), e.toString());
        }
    }
}
