package dev.pitstop.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.PlatformFetchRequest;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.process.UnknownProcessException;
import dev.pitstop.core.store.VerifyReport;
import dev.pitstop.core.trust.PlatformDetector;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The binary routes of the control API ({@code /v1/binaries/…}, {@code /v1/manifest}, {@code /v1/verify},
 * {@code /v1/snapshot}, {@code /v1/fetch}, {@code /v1/update}, {@code /v1/outdated}) as calls on an
 * {@link Engine}. The control server serves them; the CLI calls {@link #call} on an engine it opened itself
 * when no stack is running, so that both print the same text and JSON.
 */
public final class BinaryApi {
    private static final String BINARIES = "/v1/binaries/";

    private final Engine engine;
    private final ControlJson json;

    /** For a caller outside the control server (the CLI, with no stack running). */
    public BinaryApi(Engine engine, ObjectMapper mapper) {
        this(engine, new ControlJson(Objects.requireNonNull(mapper, "mapper")));
    }

    BinaryApi(Engine engine, ControlJson json) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.json = json;
    }

    /** An answer as the control server would send it. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Answers one request like the control server does, errors included ({@code error: …} or
     * {@code {"error": …}} with the server's status).
     *
     * @param target path and query, with {@code format=text} for text
     */
    public Answer call(String method, String target) {
        HttpRequest req = HttpRequest.of(method, target);
        boolean text = "text".equals(req.param("format", "json"));
        try {
            if (!handles(req.path())) {
                throw new BadRequestException(404, "no route " + method + " " + req.path());
            }
            return handle(req, text);
        } catch (BadRequestException e) {
            return error(e.status(), e.getMessage(), text);
        } catch (UnknownProcessException e) {
            return error(404, e.getMessage(), text);
        } catch (PitstopException e) {
            return error(409, e.getMessage(), text);
        }
    }

    private Answer error(int status, String message, boolean text) {
        return new Answer(status, text ? "error: " + message + "\n" : json.write(new ControlJson.Error(message)) + "\n");
    }

    static boolean handles(String path) {
        return path.startsWith(BINARIES) || switch (path) {
            case "/v1/manifest", "/v1/verify", "/v1/snapshot", "/v1/fetch", "/v1/update", "/v1/outdated" -> true;
            default -> false;
        };
    }

    Answer handle(HttpRequest req, boolean text) {
        String path = req.path();
        if (path.startsWith(BINARIES)) {
            return binary(req, path.substring(BINARIES.length()), text);
        }
        switch (path) {
            case "/v1/manifest" -> {
                expect(req, "GET");
                var manifest = engine.manifest();
                return new Answer(200, text ? BinaryText.manifest(manifest) : json.document(manifest));
            }
            case "/v1/verify" -> {
                expect(req, "GET");
                VerifyReport report = engine.verify();
                return reply(report.ok() ? 200 : 409, text, ControlJson.Verified.of(report),
                        BinaryText.verified(report));
            }
            case "/v1/snapshot" -> {
                expect(req, "GET");
                return new Answer(200, json.document(engine.snapshot()));
            }
            case "/v1/fetch" -> {
                expect(req, "POST");
                return fetch(req, text);
            }
            case "/v1/update" -> {
                expect(req, "POST");
                return swap(text, () -> {
                    var swaps = engine.update(BinarySelection.of(req.params("name"))).stream().map(ControlJson.Swapped::of).toList();
                    return reply(200, text, swaps, BinaryText.updated(swaps));
                });
            }
            case "/v1/outdated" -> {
                expect(req, "GET");
                var list = engine.outdated().stream().map(ControlJson.Outdated::of).toList();
                return reply(200, text, list, BinaryText.outdated(list));
            }
            default -> throw new BadRequestException(404, "no route " + req.method() + " " + req.path());
        }
    }

    private Answer binary(HttpRequest req, String rest, boolean text) {
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        if (name.isEmpty()) {
            throw new BadRequestException(404, "no route " + req.method() + " " + req.path());
        }
        boolean force = req.flag("force");
        switch (action) {
            case "install" -> {
                expect(req, "POST");
                Path file = absolute(req, "file");
                InstallRequest install = InstallRequest.of(name, file).version(req.param("version", null));
                return swap(text, () -> swapped(text, engine.install(force ? install.forced() : install)));
            }
            case "rollback" -> {
                expect(req, "POST");
                String to = req.param("to", "");
                RollbackRequest rollback = to.isEmpty() ? RollbackRequest.previous(name) : RollbackRequest.to(name, to);
                return swap(text, () -> swapped(text, engine.rollback(force ? rollback.forced() : rollback)));
            }
            case "explain" -> {
                expect(req, "GET");
                Platform platform = platform(req);
                String explanation = engine.explain(name, platform);
                String body = explanation.endsWith("\n") ? explanation : explanation + "\n";
                return reply(200, text, new ControlJson.Explained(name, platform.toString(), explanation), body);
            }
            default -> throw new BadRequestException(404, "no route " + req.method() + " " + req.path());
        }
    }

    private Answer fetch(HttpRequest req, boolean text) {
        BinarySelection names = BinarySelection.of(req.params("name"));
        String platform = req.param("platform", null);
        List<FetchResult> results;
        if (platform == null) {
            results = engine.fetch(names);
        } else {
            results = engine.fetchFor(new PlatformFetchRequest(platform(req), names, absolute(req, "out")));
        }
        return reply(200, text, results, BinaryText.fetched(results, platform != null));
    }

    private Answer swapped(boolean text, dev.pitstop.core.SwapResult result) {
        var swapped = ControlJson.Swapped.of(result);
        return reply(200, text, swapped, BinaryText.swapped(swapped));
    }

    /** A swap that failed is an answer with its facts (409), not a bare error line. */
    private Answer swap(boolean text, java.util.function.Supplier<Answer> call) {
        try {
            return call.get();
        } catch (SwapFailedException e) {
            var failed = ControlJson.SwapFailed.of(e);
            return reply(409, text, failed, BinaryText.swapFailed(failed));
        }
    }

    private Answer reply(int status, boolean text, Object value, String asText) {
        return new Answer(status, text ? asText : json.write(value) + "\n");
    }

    private static Platform platform(HttpRequest req) {
        String value = req.param("platform", null);
        if (value == null || value.isEmpty()) {
            return new PlatformDetector().detect();
        }
        try {
            return Platform.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, e.getMessage());
        }
    }

    private static Path absolute(HttpRequest req, String param) {
        String value = req.param(param, "");
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

    private static void expect(HttpRequest req, String method) {
        if (!req.method().equals(method)) {
            throw new BadRequestException(405, req.method() + " is not allowed on " + req.path() + "; use " + method);
        }
    }
}
