package dev.pitstop.supervisor.control;

import dev.pitstop.core.Engine;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.UnknownProcessException;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Maps the routes of the control API onto {@link Engine} calls. */
final class ControlRoutes {
    private static final String PROCESSES = "/v1/processes";
    private static final Set<String> ACTIONS = Set.of("reload", "restart", "start", "stop");

    private final Engine engine;
    private final ControlJson json;
    private final Clock clock;
    private final ParallelReload parallelReload;
    private final BooleanSupplier closing;

    ControlRoutes(Engine engine, ControlJson json, Clock clock, ParallelReload parallelReload,
                  BooleanSupplier closing) {
        this.closing = closing;
        this.engine = engine;
        this.json = json;
        this.clock = clock;
        this.parallelReload = parallelReload;
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
            events(req, res, channel, text);
        } else if (path.equals("/v1/down")) {
            expect(req, "POST");
            engine.down();
            reply(res, text, new ControlJson.Done(null, "down"), () -> "stack stopped\n");
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
            logs(name, req, res, channel, text);
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
                    var result = engine.reload(name);
                    reply(res, text, ControlJson.Reloaded.of(result), () -> ControlText.reloaded(result));
                } catch (ReloadFailedException e) {
                    send(res, 409, text, ControlJson.ReloadFailed.of(e), ControlText.reloadFailed(e));
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

    private void logs(String name, HttpRequest req, HttpResponse res, SocketChannel channel, boolean text)
            throws IOException {
        int n = req.intParam("n", 100);
        Function<LogLine, String> format = text ? ControlText::logLine : l -> json.write(l) + "\n";
        if (!req.flag("follow")) {
            List<LogLine> lines = engine.logs(name, n);
            StringBuilder body = new StringBuilder();
            lines.forEach(l -> body.append(format.apply(l)));
            res.send(200, text ? HttpResponse.TEXT : HttpResponse.NDJSON, body.toString());
            return;
        }
        status(name); // 404 before the stream starts
        FollowStream<LogLine> stream = new FollowStream<>();
        try (AutoCloseable subscription = engine.followLogs(name, stream)) {
            // subscribed first, so nothing is lost between the history and the stream; lines already in
            // the history are skipped once when they come through the subscription too
            List<LogLine> history = engine.logs(name, n);
            res.startChunks(text ? HttpResponse.TEXT : HttpResponse.NDJSON);
            StringBuilder body = new StringBuilder();
            history.forEach(l -> body.append(format.apply(l)));
            res.chunk(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Set<LogLine> seen = new java.util.HashSet<>(history);
            stream.pump(channel, res, new FollowStream.Renderer<>() {
                @Override
                public String render(LogLine line) {
                    return seen.remove(line) ? null : format.apply(line);
                }

                @Override
                public String dropped(long count) {
                    return text ? "[pitstop: " + count + " lines dropped, reading too slowly]\n"
                            : json.write(new ControlJson.Error(count + " lines dropped")) + "\n";
                }
            }, closing);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the log subscription of " + name + " failed", e);
        }
    }

    private void events(HttpRequest req, HttpResponse res, SocketChannel channel, boolean text) throws IOException {
        int n = req.intParam("n", 100);
        Function<Event, String> format = text ? ControlText::event : e -> json.write(e) + "\n";
        String type = text ? HttpResponse.TEXT : HttpResponse.NDJSON;
        if (!req.flag("follow")) {
            StringBuilder body = new StringBuilder();
            engine.events(n).forEach(e -> body.append(format.apply(e)));
            res.send(200, type, body.toString());
            return;
        }
        FollowStream<Event> stream = new FollowStream<>();
        try (AutoCloseable subscription = engine.addListener(stream::accept)) {
            List<Event> history = engine.events(n);
            long lastSeq = history.isEmpty() ? Long.MIN_VALUE : history.get(history.size() - 1).seq();
            res.startChunks(type);
            StringBuilder body = new StringBuilder();
            history.forEach(e -> body.append(format.apply(e)));
            res.chunk(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            stream.pump(channel, res, new FollowStream.Renderer<>() {
                @Override
                public String render(Event event) {
                    return event.seq() <= lastSeq ? null : format.apply(event);
                }

                @Override
                public String dropped(long count) {
                    return text ? "[pitstop: " + count + " events dropped, reading too slowly]\n"
                            : json.write(new ControlJson.Error(count + " events dropped")) + "\n";
                }
            }, closing);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the event subscription failed", e);
        }
    }

    private void reply(HttpResponse res, boolean text, Object value, java.util.function.Supplier<String> asText)
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
