package dev.pitstop.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Platform;
import dev.pitstop.core.LockRequest;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PlatformFetchRequest;
import dev.pitstop.core.store.LockedArtifact;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link ControlApi} over a running stack's control socket ({@code .pitstop/pitstop.sock}). Each call is one
 * request. Nothing is loaded that a call does not need: {@link #processes()} decodes with jackson-core alone, so a
 * {@code pitstop ps} stays a small, short-lived JVM.
 */
public final class RemoteControl implements ControlApi {
    private final ControlClient client;
    private ControlJson json;

    /** @param stateDir the stack's {@code .pitstop/} folder */
    public RemoteControl(Path stateDir) {
        this.client = new ControlClient(stateDir.toAbsolutePath());
    }

    /** Whether a stack answers on the socket right now. */
    public boolean answers() {
        return client.answers();
    }

    @Override
    public List<ProcessStatus> processes() {
        return decode(call("GET", "/v1/processes"), LightJson::processes);
    }

    @Override
    public ProcessStatus process(String name) {
        return decode(call("GET", "/v1/processes/" + segment(name)), LightJson::process);
    }

    @Override
    public ReloadOutcome reload(String name) {
        return reloadOutcome(json().tree(outcome("POST", "/v1/processes/" + segment(name) + "/reload")));
    }

    @Override
    public List<ReloadOutcome> reload(List<String> names) {
        List<ReloadOutcome> outcomes = new ArrayList<>();
        json().tree(outcome("POST", "/v1/reload" + query(names))).forEach(n -> outcomes.add(reloadOutcome(n)));
        return outcomes;
    }

    @Override
    public void restart(String name) {
        call("POST", "/v1/processes/" + segment(name) + "/restart");
    }

    @Override
    public void start(String name) {
        call("POST", "/v1/processes/" + segment(name) + "/start");
    }

    @Override
    public void stop(String name) {
        call("POST", "/v1/processes/" + segment(name) + "/stop");
    }

    @Override
    public ApplyResult apply() {
        return read(call("POST", "/v1/apply"), ApplyResult.class);
    }

    @Override
    public void down() {
        call("POST", "/v1/down");
    }

    @Override
    public List<LogLine> logs(String name, int lastN) {
        List<LogLine> lines = new ArrayList<>();
        stream("/v1/processes/" + segment(name) + "/logs?n=" + lastN, LogLine.class, lines::add);
        return lines;
    }

    @Override
    public void followLogs(String name, int lastN, Consumer<LogLine> each) {
        stream("/v1/processes/" + segment(name) + "/logs?n=" + lastN + "&follow=1", LogLine.class, each);
    }

    @Override
    public List<Event> events(int lastN) {
        List<Event> events = new ArrayList<>();
        stream("/v1/events?n=" + lastN, Event.class, events::add);
        return events;
    }

    @Override
    public void followEvents(int lastN, Consumer<Event> each) {
        stream("/v1/events?n=" + lastN + "&follow=1", Event.class, each);
    }

    @Override
    public SwapOutcome install(InstallRequest r) {
        return swapOutcome(json().tree(outcome("POST", "/v1/binaries/" + segment(r.binary()) + "/install?file="
                + param(r.file().toAbsolutePath().toString())
                + r.version().map(v -> "&version=" + param(v)).orElse("") + (r.force() ? "&force=1" : ""))));
    }

    @Override
    public SwapOutcome rollback(RollbackRequest r) {
        String query = r.to().map(to -> "to=" + param(to)).orElse("");
        if (r.force()) {
            query += (query.isEmpty() ? "" : "&") + "force=1";
        }
        return swapOutcome(json().tree(outcome("POST", "/v1/binaries/" + segment(r.binary()) + "/rollback"
                + (query.isEmpty() ? "" : "?" + query))));
    }

    @Override
    public List<SwapOutcome> update(BinarySelection binaries) {
        JsonNode answer = json().tree(outcome("POST", "/v1/update" + query(binaries.names())));
        List<SwapOutcome> swaps = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(n -> swaps.add(swapOutcome(n)));
        } else {
            swaps.add(swapOutcome(answer));
        }
        return swaps;
    }

    @Override
    public List<FetchResult> fetch(BinarySelection binaries) {
        return read(call("POST", "/v1/fetch" + query(binaries.names())), new TypeReference<List<FetchResult>>() {});
    }

    @Override
    public List<FetchResult> fetchFor(PlatformFetchRequest r) {
        String q = query(r.binaries().names());
        return read(call("POST", "/v1/fetch" + (q.isEmpty() ? "?" : q + "&") + "platform=" + param(r.platform().toString())
                + "&out=" + param(r.outputDir().toAbsolutePath().toString())), new TypeReference<List<FetchResult>>() {});
    }

    @Override
    public List<LockResult> lock(LockRequest request) {
        String q = query(request.binaries().names());
        StringBuilder path = new StringBuilder("/v1/lock").append(q.isEmpty() ? "?" : q + "&");
        request.platforms().forEach(p -> path.append("platform=").append(param(LockedArtifact.key(p))).append('&'));
        return read(call("POST", path.substring(0, path.length() - 1)), new TypeReference<List<LockResult>>() {});
    }

    @Override
    public List<PollResult> poll(BinarySelection binaries) {
        return read(call("GET", "/v1/poll" + query(binaries.names())), new TypeReference<List<PollResult>>() {});
    }

    @Override
    public List<Outdated> outdated() {
        return read(call("GET", "/v1/outdated"), new TypeReference<List<Outdated>>() {});
    }

    @Override
    public Explained explain(String binary, Optional<Platform> platform) {
        return read(call("GET", "/v1/binaries/" + segment(binary) + "/explain"
                + platform.map(p -> "?platform=" + param(p.toString())).orElse("")), Explained.class);
    }

    @Override
    public Manifest manifest() {
        return read(call("GET", "/v1/manifest"), Manifest.class);
    }

    @Override
    public Verified verify() {
        return read(outcome("GET", "/v1/verify"), Verified.class);
    }

    @Override
    public Snapshot snapshot() {
        return read(call("GET", "/v1/snapshot"), Snapshot.class);
    }

    // ---- the requests -----------------------------------------------------------------------------------------

    /** The body of a 2xx answer; an error answer is thrown as a {@link ControlException}. */
    private byte[] call(String method, String target) {
        return send(method, target, false);
    }

    /** The body of a 2xx answer or of a 409 that carries an outcome (a failed reload or swap, a verify). */
    private byte[] outcome(String method, String target) {
        return send(method, target, true);
    }

    private byte[] send(String method, String target, boolean outcome) {
        try (HttpAnswer answer = client.send(method, target)) {
            byte[] body = answer.body().readAllBytes();
            if (answer.ok()) {
                return body;
            }
            String error = LightJson.error(body);
            if (outcome && answer.status() == 409 && error == null) {
                return body;
            }
            throw new ControlException(answer.status(), error != null ? error
                    : "the stack answered " + answer.status() + " to " + method + " " + target);
        } catch (IOException e) {
            throw new ControlException(0, "the control socket failed during " + method + " " + target + ": "
                    + e.getMessage());
        }
    }

    /** Reads an NDJSON stream line by line until it ends. */
    private <T> void stream(String target, Class<T> type, Consumer<T> each) {
        try (HttpAnswer answer = client.send("GET", target)) {
            if (!answer.ok()) {
                byte[] body = answer.body().readAllBytes();
                String error = LightJson.error(body);
                throw new ControlException(answer.status(), error != null ? error
                        : "the stack answered " + answer.status() + " to GET " + target);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String error = line.startsWith("{\"error\"") ? LightJson.error(line.getBytes(StandardCharsets.UTF_8)) : null;
                if (error != null) {
                    continue; // a notice inside the stream (entries dropped for a slow reader)
                }
                each.accept(json().read(line.getBytes(StandardCharsets.UTF_8), type));
            }
        } catch (IOException e) {
            throw new ControlException(0, "the control socket failed during GET " + target + ": " + e.getMessage());
        }
    }

    private ReloadOutcome reloadOutcome(JsonNode node) {
        return node.path("ok").asBoolean() ? convert(node, Reloaded.class) : convert(node, ReloadFailed.class);
    }

    private SwapOutcome swapOutcome(JsonNode node) {
        return node.path("ok").asBoolean() ? convert(node, Swapped.class) : convert(node, SwapFailed.class);
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json().convert(node, type);
        } catch (IOException e) {
            throw new ControlException(0, "the stack answered JSON of another shape: " + e.getMessage());
        }
    }

    private <T> T read(byte[] body, Class<T> type) {
        try {
            return json().read(body, type);
        } catch (IOException e) {
            throw new ControlException(0, "the stack answered JSON of another shape: " + e.getMessage());
        }
    }

    private <T> T read(byte[] body, TypeReference<T> type) {
        try {
            return json().read(body, type);
        } catch (IOException e) {
            throw new ControlException(0, "the stack answered JSON of another shape: " + e.getMessage());
        }
    }

    private static <T> T decode(byte[] body, Decoder<T> decoder) {
        try {
            return decoder.decode(body);
        } catch (IOException | RuntimeException e) {
            throw new ControlException(0, "the stack answered JSON of another shape: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] body) throws IOException;
    }

    /** Databind, loaded only by the calls that need it. */
    private ControlJson json() {
        if (json == null) {
            json = new ControlJson();
        }
        return json;
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code ?name=a&name=b}, or empty. */
    private static String query(List<String> names) {
        StringBuilder q = new StringBuilder();
        for (String n : names) {
            q.append(q.length() == 0 ? '?' : '&').append("name=").append(param(n));
        }
        return q.toString();
    }
}
