package dev.pitstop.ui;

import dev.pitstop.control.ControlApi;
import dev.pitstop.control.ControlJson;
import dev.pitstop.core.PitstopException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The live web dashboard of a stack: an HTTP server on a loopback address that serves the page from this jar
 * and answers it through a {@link ControlApi}, the same calls the CLI makes.
 *
 * <pre>{@code
 * try (Dashboard ui = Dashboard.builder(new RemoteControl(stateDir)).port(0).build()) {
 *     System.out.println(ui.start()); // http://127.0.0.1:PORT/?token=…
 *     …
 * }
 * }</pre>
 *
 * Every request needs the token (it becomes an HttpOnly, SameSite=Strict cookie on the first visit); requests
 * that change something are POSTs with the page's CSRF header. While no page is open nothing runs but Jetty's
 * idle acceptor: live updates cost only while someone watches.
 */
public final class Dashboard implements AutoCloseable {
    private final Builder options;
    private final Secrets secrets = Secrets.random();
    private Server server;
    private Streams streams;
    private URI url;

    private Dashboard(Builder options) {
        this.options = options;
    }

    public static Builder builder(ControlApi api) {
        return new Builder(api);
    }

    /**
     * Starts serving.
     *
     * @return the URL to open, with the token
     * @throws PitstopException if the address cannot be bound
     */
    public synchronized URI start() {
        if (server != null) {
            throw new IllegalStateException("a Dashboard starts once");
        }
        QueuedThreadPool threads = new QueuedThreadPool(32, 2, 30_000);
        threads.setName("pitstop-ui");
        threads.setDaemon(true);
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        streams = new Streams(options.api);
        StackView stack = new StackView(options.api, new ProcStats(Path.of("/proc")));
        server.setHandler(new AccessGate(secrets, new Routes(options.api, stack, streams,
                new Reports(options.reportDir), secrets, new Replies(new ControlJson()), StaticFiles.handler())));
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new PitstopException("cannot serve the dashboard on " + options.host + ":" + options.port + ": "
                    + e.getMessage(), e);
        }
        String host = options.host.contains(":") ? "[" + options.host + "]" : options.host;
        url = URI.create("http://" + host + ":" + connector.getLocalPort() + "/?token=" + secrets.token());
        return url;
    }

    /** The URL to open, with the token; {@code null} before {@link #start()}. */
    public synchronized URI url() {
        return url;
    }

    /** Ends open pages' streams and stops serving. Idempotent. */
    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close();
        }
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new PitstopException("cannot stop the dashboard: " + e.getMessage(), e);
            }
        }
    }

    /** Where and what the dashboard serves. */
    public static final class Builder {
        private final ControlApi api;
        private String host = "127.0.0.1";
        private int port;
        private Path reportDir;

        private Builder(ControlApi api) {
            this.api = Objects.requireNonNull(api, "api");
        }

        /** The address to listen on; default {@code 127.0.0.1}. Anything else is reachable from elsewhere. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 (the default) for a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The folder of {@code pitstop drill} reports to list, if any. */
        public Builder reportDir(Path reportDir) {
            this.reportDir = reportDir;
            return this;
        }

        public Dashboard build() {
            return new Dashboard(this);
        }
    }
}
