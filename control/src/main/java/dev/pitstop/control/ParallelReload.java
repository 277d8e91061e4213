package dev.pitstop.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pitstop.core.Engine;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.process.ReloadFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code POST /v1/reload}: reloads several processes at once and reports each outcome. */
final class ParallelReload {
    /** Far above any reload timeout; only a wedged engine reaches it. */
    static final long DEADLINE_MINUTES = 30;

    private final Engine engine;
    private final ControlJson json;
    private final ExecutorService pool;

    ParallelReload(Engine engine, ControlJson json, ExecutorService pool) {
        this.engine = engine;
        this.json = json;
        this.pool = pool;
    }

    void handle(HttpRequest req, HttpResponse res, boolean text) throws IOException {
        List<String> names = names(req);
        List<Future<Object>> futures = new ArrayList<>();
        for (String name : names) {
            futures.add(pool.submit(() -> reloadOne(name)));
        }
        List<Object> outcomes = new ArrayList<>();
        StringBuilder asText = new StringBuilder();
        boolean allOk = true;
        for (int i = 0; i < names.size(); i++) {
            Object outcome = await(names.get(i), futures.get(i));
            outcomes.add(outcome);
            if (outcome instanceof ControlJson.Reloaded r) {
                asText.append(ControlText.reloaded(r));
            } else if (outcome instanceof ControlJson.ReloadFailed f) {
                allOk = false;
                asText.append(ControlText.reloadFailed(names.get(i) + ": ", f));
            }
        }
        int status = allOk ? 200 : 409;
        res.send(status, text ? HttpResponse.TEXT : HttpResponse.JSON, text ? asText.toString() : json.write(outcomes) + "\n");
    }

    private Object reloadOne(String name) {
        try {
            return ControlJson.Reloaded.of(engine.reload(name));
        } catch (ReloadFailedException e) {
            return ControlJson.ReloadFailed.of(e);
        } catch (PitstopException e) {
            return new ControlJson.ReloadFailed(name, false, e.getMessage(), null, List.of());
        }
    }

    private static Object await(String name, Future<Object> future) {
        try {
            return future.get(DEADLINE_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new PitstopException("interrupted while reloading " + name, e);
        } catch (ExecutionException e) {
            return new ControlJson.ReloadFailed(name, false, String.valueOf(e.getCause()), null, List.of());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new ControlJson.ReloadFailed(name, false, "no outcome after " + DEADLINE_MINUTES + " minutes",
                    null, List.of());
        }
    }

    /** Names from {@code {"names": [...]}} in the body, or repeated {@code name} query parameters. */
    private List<String> names(HttpRequest req) {
        Set<String> names = new LinkedHashSet<>(req.params("name"));
        if (req.body().length > 0) {
            JsonNode root;
            try {
                root = json.mapper().readTree(req.body());
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
