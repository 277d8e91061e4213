package dev.pitstop.control.pc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import dev.pitstop.control.ControlApi;
import dev.pitstop.core.io.NamedThreads;
import dev.pitstop.core.stack.Stack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Process Compose's REST API ({@code /live}, {@code /processes}, {@code /process/restart/{name}}, …, with its JSON
 * shapes) over a {@link ControlApi}, so that the {@code process-compose} client and scripts that call Process
 * Compose's API drive a Pitstop stack. It listens on TCP (loopback unless told otherwise) next to the control
 * socket, which stays the full API. The routes and what Pitstop answers differently are listed in
 * {@code docs/cli.md}.
 */
public final class ProcessComposeApi implements AutoCloseable {
    /** The header Process Compose's client sends its token in. */
    public static final String TOKEN_HEADER = "X-PC-Token-Key";
    /** Requests are short; a few threads keep a slow stop from blocking {@code /live}. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;

    private ProcessComposeApi(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts serving.
     *
     * @param stack the stack as it is now (it changes when the file is re-read)
     * @param stopProject what {@code POST /project/stop} does once it has answered (it must not block the caller
     *                    for long: the foreground {@code up} brings the stack down on a thread of its own)
     */
    public static ProcessComposeApi start(ControlApi api, Supplier<Stack> stack, PcApiSettings settings,
                                          java.util.function.Consumer<ControlApi> stopProject) throws IOException {
        Objects.requireNonNull(api, "api");
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        PcRoutes routes = new PcRoutes(api, stack, settings.version(), Clock.systemUTC(), stopProject, json);
        HttpServer server = HttpServer.create(settings.address(), 0);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, new NamedThreads("pc-api"));
        server.setExecutor(threads);
        server.createContext("/", new PcHandler(routes.table(), settings.token(), json));
        server.start();
        return new ProcessComposeApi(server, threads);
    }

    /** The address it listens on (with the port chosen when port 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
