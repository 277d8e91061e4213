package dev.pitstop.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Platform;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.PlatformFetchRequest;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.LogLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** The routing table of the control API (listed in {@code docs/cli.md}): each route one {@link ControlApi} call. */
final class Routes {
    private final LocalControl api;
    private final ControlJson json;
    private final BooleanSupplier closing;
    private final List<Route> table;

    Routes(LocalControl api, ControlJson json, BooleanSupplier closing) {
        this.api = api;
        this.json = json;
        this.closing = closing;
        this.table = List.of(
                new Route("GET", "/v1/processes", (r, v) -> Reply.ok(AnswerKind.PROCESSES, api.processes())),
                new Route("GET", "/v1/processes/{name}", (r, v) -> Reply.ok(AnswerKind.PROCESS,
                        api.process(v.get("name")))),
                new Route("GET", "/v1/processes/{name}/logs", this::logs),
                new Route("POST", "/v1/processes/{name}/reload", (r, v) -> {
                    ReloadOutcome outcome = api.reload(v.get("name"));
                    return Reply.outcome(outcome.ok(), AnswerKind.RELOAD, outcome);
                }),
                new Route("POST", "/v1/processes/{name}/restart", (r, v) -> act(v, "restart")),
                new Route("POST", "/v1/processes/{name}/start", (r, v) -> act(v, "start")),
                new Route("POST", "/v1/processes/{name}/stop", (r, v) -> act(v, "stop")),
                new Route("POST", "/v1/reload", (r, v) -> {
                    List<ReloadOutcome> outcomes = api.reload(names(r));
                    return Reply.outcome(outcomes.stream().allMatch(ReloadOutcome::ok), AnswerKind.RELOADS, outcomes);
                }),
                new Route("POST", "/v1/apply", (r, v) -> Reply.ok(AnswerKind.APPLIED, api.apply())),
                new Route("GET", "/v1/events", this::events),
                new Route("POST", "/v1/down", (r, v) -> {
                    api.down();
                    return Reply.ok(AnswerKind.DONE, new Done(null, "down"));
                }),
                new Route("POST", "/v1/binaries/{name}/install", this::install),
                new Route("POST", "/v1/binaries/{name}/rollback", this::rollback),
                new Route("GET", "/v1/binaries/{name}/explain", (r, v) -> Reply.ok(AnswerKind.EXPLAINED,
                        api.explain(v.get("name"), platform(r)))),
                new Route("GET", "/v1/manifest", (r, v) -> Reply.ok(AnswerKind.MANIFEST, api.manifest())),
                new Route("GET", "/v1/verify", (r, v) -> {
                    Verified verified = api.verify();
                    return Reply.outcome(verified.ok(), AnswerKind.VERIFIED, verified);
                }),
                new Route("GET", "/v1/snapshot", (r, v) -> Reply.ok(AnswerKind.SNAPSHOT, api.snapshot())),
                new Route("POST", "/v1/fetch", this::fetch),
                new Route("POST", "/v1/update", (r, v) -> {
                    List<SwapOutcome> swaps = api.update(BinarySelection.of(r.params("name")));
                    Optional<SwapOutcome> failed = swaps.stream().filter(s -> !s.ok()).findFirst();
                    // a failed update answers its failure alone (the shape of docs/cli.md)
                    return failed.map(f -> Reply.outcome(false, AnswerKind.SWAP, f))
                            .orElseGet(() -> Reply.ok(AnswerKind.SWAPS, swaps));
                }),
                new Route("GET", "/v1/outdated", (r, v) -> Reply.ok(AnswerKind.OUTDATED, api.outdated())),
                new Route("POST", "/v1/lock", this::lock),
                new Route("GET", "/v1/poll",
                        (r, v) -> Reply.ok(AnswerKind.POLLED, api.poll(BinarySelection.of(r.params("name"))))));
    }

    /** Finds the route; 404 for an unknown path, 405 for a known path with another method. */
    Reply handle(HttpRequest request) {
        String path = request.path().endsWith("/") && request.path().length() > 1
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        Route allowed = null;
        for (Route route : table) {
            Optional<Map<String, String>> variables = route.match(path);
            if (variables.isPresent()) {
                if (route.method().equals(request.method())) {
                    return route.handler().handle(request, variables.get());
                }
                allowed = route;
            }
        }
        if (allowed != null) {
            throw new BadRequestException(405, request.method() + " is not allowed on " + request.path() + "; use "
                    + allowed.method());
        }
        throw new BadRequestException(404, "no route " + request.method() + " " + request.path());
    }

    private Reply act(Map<String, String> v, String action) {
        String name = v.get("name");
        switch (action) {
            case "restart" -> api.restart(name);
            case "start" -> api.start(name);
            default -> api.stop(name);
        }
        return Reply.ok(AnswerKind.DONE, new Done(name, action));
    }

    private Reply logs(HttpRequest r, Map<String, String> v) {
        String name = v.get("name");
        int n = r.intParam("n", 100);
        api.process(name); // 404 before any stream starts
        if (!r.flag("follow")) {
            return Reply.stream(sink -> sink.whole(AnswerKind.LOG_LINE, api.logs(name, n)));
        }
        return Reply.stream(sink -> this.<LogLine>follow(sink, AnswerKind.LOG_LINE, stream -> api.subscribeLogs(name, n, stream)));
    }

    private Reply events(HttpRequest r, Map<String, String> v) {
        int n = r.intParam("n", 100);
        if (!r.flag("follow")) {
            return Reply.stream(sink -> sink.whole(AnswerKind.EVENT, api.events(n)));
        }
        return Reply.stream(sink -> this.<Event>follow(sink, AnswerKind.EVENT, stream -> api.subscribeEvents(n, stream)));
    }

    @SuppressWarnings("try") // the subscription is open exactly as long as the stream
    private <T> void follow(StreamSink sink, AnswerKind kind,
                            Function<FollowStream<T>, Subscription> subscribe)
            throws IOException {
        FollowStream<T> stream = new FollowStream<>();
        try (Subscription subscription = subscribe.apply(stream)) {
            sink.start(kind, List.of());
            sink.pump(kind, stream, closing);
        }
    }

    private Reply install(HttpRequest r, Map<String, String> v) {
        InstallRequest install = InstallRequest.of(v.get("name"), absolute(r, "file")).version(r.param("version", null));
        SwapOutcome outcome = api.install(r.flag("force") ? install.forced() : install);
        return Reply.outcome(outcome.ok(), AnswerKind.SWAP, outcome);
    }

    private Reply rollback(HttpRequest r, Map<String, String> v) {
        String to = r.param("to", "");
        RollbackRequest rollback = to.isEmpty() ? RollbackRequest.previous(v.get("name"))
                : RollbackRequest.to(v.get("name"), to);
        SwapOutcome outcome = api.rollback(r.flag("force") ? rollback.forced() : rollback);
        return Reply.outcome(outcome.ok(), AnswerKind.SWAP, outcome);
    }

    private Reply fetch(HttpRequest r, Map<String, String> v) {
        BinarySelection names = BinarySelection.of(r.params("name"));
        Optional<Platform> platform = platform(r);
        if (platform.isEmpty()) {
            return Reply.ok(AnswerKind.FETCHED, api.fetch(names));
        }
        return Reply.ok(AnswerKind.FETCHED_ELSEWHERE,
                api.fetchFor(new PlatformFetchRequest(platform.get(), names, absolute(r, "out"))));
    }

    private Reply lock(HttpRequest r, Map<String, String> v) {
        List<Platform> platforms = new java.util.ArrayList<>();
        for (String value : r.params("platform")) {
            try {
                platforms.add(Platform.parse(value));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(400, e.getMessage());
            }
        }
        return Reply.ok(AnswerKind.LOCKED, api.lock(new LockRequest(platforms, BinarySelection.of(r.params("name")))));
    }

    private static Optional<Platform> platform(HttpRequest r) {
        String value = r.param("platform", "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Platform.parse(value));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, e.getMessage());
        }
    }

    private static Path absolute(HttpRequest r, String param) {
        String value = r.param(param, "");
        if (value.isEmpty()) {
            throw new BadRequestException(400, "query parameter '" + param + "' is required");
        }
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw new BadRequestException(400, "query parameter '" + param + "' must be an absolute path, not '"
                    + value + "'");
        }
        return path;
    }

    /** Names from {@code {"names": [...]}} in the body, or repeated {@code name} query parameters. */
    private List<String> names(HttpRequest r) {
        Set<String> names = new LinkedHashSet<>(r.params("name"));
        if (r.body().length > 0) {
            JsonNode root;
            try {
                root = json.mapper().readTree(r.body());
            } catch (JsonProcessingException e) {
                throw new BadRequestException(400, "body is not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new BadRequestException(400, "unreadable body: " + e.getMessage());
            }
            JsonNode list = root == null ? null : root.get("names");
            if (list == null || !list.isArray()) {
                throw new BadRequestException(400, "body must be {\"names\": [\"a\", \"b\"]}");
            }
            for (JsonNode n : list) {
                if (!n.isTextual() || n.asText().isEmpty()) {
                    throw new BadRequestException(400, "names must be non-empty strings, not " + n);
                }
                names.add(n.asText());
            }
        }
        if (names.isEmpty()) {
            throw new BadRequestException(400, "name no process: send {\"names\": [...]} or ?name=a&name=b");
        }
        return List.copyOf(names);
    }
}
