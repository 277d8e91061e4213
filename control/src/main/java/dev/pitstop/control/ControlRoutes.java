package dev.pitstop.control;

import dev.pitstop.core.Engine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.UnknownProcessException;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Maps the routes of the control API onto {@link Engine} calls. */
final class ControlRoutes {
    private static final String PROCESSES = "/v1/processes";
    private static final Set<String> ACTIONS = Set.of("reload", "restart", "start", "stop");

    private final Engine engine;
    private final ControlJson json;
    private final Clock clock;
    private final ParallelReload parallelReload;
    private final StreamRoutes streams;
    private final BinaryApi binaries;

    ControlRoutes(Engine engine, ControlJson json, Clock clock, ParallelReload parallelReload,
                  BooleanSupplier closing) {
        this.streams = new StreamRoutes(engine, json, closing);
        this.engine = engine;
        this.json = json;
        this.clock = clock;
        this.parallelReload = parallelReload;
        this.binaries = new BinaryApi(engine, json);
    }

    void handle(HttpRequest req, HttpResponse res, SocketChannel channel) throws IOException {
        boolean text = switch (req.param("format", "json")) {
            case "json" -> false;
            case "text" -> true;
            default -> throw new BadRequestException(400, "format must be json or text, not '"
                    + req.param("format", "") + "'");
        };
        String path = req.path().endsWith("/") && req.path().length() > 1
                ? req.path().substring(0, req.path().length() - 1) : req.path();
        if (path.equals(PROCESSES)) {
            expect(req, "GET");
            List<ProcessStatus> all = engine.ps();
            reply(res, text, all, () -> ControlText.table(all, clock.instant()));
        } else if (path.startsWith(PROCESSES + "/")) {
            processRoute(req, res, channel, path.substring(PROCESSES.length() + 1), text);
        } else if (path.equals("/v1/reload")) {
            expect(req, "POST");
            parallelReload.handle(req, res, text);
        } else if (path.equals("/v1/apply")) {
            expect(req, "POST");
            var applied = engine.apply();
            reply(res, text, applied, () -> ControlText.applied(applied));
        } else if (path.equals("/v1/events")) {
            expect(req, "GET");
            streams.events(req, res, channel, text);
        } else if (path.equals("/v1/down")) {
            expect(req, "POST");
            engine.down();
            reply(res, text, new ControlJson.Done(null, "down"), () -> "stack stopped\n");
        } else if (BinaryApi.handles(path)) {
            BinaryApi.Answer answer = binaries.handle(req, text);
            res.send(answer.status(), text ? HttpResponse.TEXT : HttpResponse.JSON, answer.body());
        } else {
            throw new BadRequestException(404, "no route " + req.method() + " " + req.path());
        }
    }

    private void processRoute(HttpRequest req, HttpResponse res, SocketChannel channel, String rest, boolean text)
            throws IOException {
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        if (name.isEmpty()) {
            throw new BadRequestException(404, "no route " + req.method() + " " + req.path());
        }
        if (action.isEmpty()) {
            expect(req, "GET");
            ProcessStatus status = status(name);
            reply(res, text, status, () -> ControlText.table(List.of(status), clock.instant()));
        } else if (action.equals("logs")) {
            expect(req, "GET");
            status(name); // 404 before any stream starts
            streams.logs(name, req, res, channel, text);
        } else if (ACTIONS.contains(action)) {
            expect(req, "POST");
            act(name, action, res, text);
        } else {
            throw new BadRequestException(404, "no route " + req.method() + " " + req.path());
        }
    }

    private void act(String name, String action, HttpResponse res, boolean text) throws IOException {
        switch (action) {
            case "reload" -> {
                try {
                    var reloaded = ControlJson.Reloaded.of(engine.reload(name));
                    reply(res, text, reloaded, () -> ControlText.reloaded(reloaded));
                } catch (ReloadFailedException e) {
                    var failed = ControlJson.ReloadFailed.of(e);
                    send(res, 409, text, failed, ControlText.reloadFailed("", failed));
                }
                return;
            }
            case "restart" -> engine.restart(name);
            case "start" -> engine.start(name);
            case "stop" -> engine.stop(name);
            default -> throw new IllegalArgumentException(action);
        }
        String past = action.equals("stop") ? "stopped" : action + "ed";
        reply(res, text, new ControlJson.Done(name, action), () -> name + ": " + past + "\n");
    }

    private ProcessStatus status(String name) {
        return engine.ps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownProcessException(name));
    }

    private void reply(HttpResponse res, boolean text, Object value, Supplier<String> asText)
            throws IOException {
        if (text) {
            res.send(200, HttpResponse.TEXT, asText.get());
        } else {
            res.send(200, HttpResponse.JSON, json.write(value) + "\n");
        }
    }

    private void send(HttpResponse res, int status, boolean text, Object value, String asText) throws IOException {
        res.send(status, text ? HttpResponse.TEXT : HttpResponse.JSON, text ? asText : json.write(value) + "\n");
    }

    private static void expect(HttpRequest req, String method) {
        if (!req.method().equals(method)) {
            throw new BadRequestException(405, req.method() + " is not allowed on " + req.path() + "; use " + method);
        }
    }
}
