package dev.pitstop.control.pc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.control.ControlApi;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Process Compose's routes ({@code src/api/routes.go}, v1.122) over a {@link ControlApi}. */
final class PcRoutes {
    private static final long MIB = 1024 * 1024;

    private final ControlApi api;
    private final Supplier<Stack> stack;
    private final PcStates states;
    private final Clock clock;
    private final Instant started;
    private final String version;
    private final Consumer<ControlApi> stopProject;
    private final ObjectMapper json;
    private final List<PcRoute> table;

    /** @param stopProject brings the stack down after {@code POST /project/stop} has been answered */
    PcRoutes(ControlApi api, Supplier<Stack> stack, String version, Clock clock, Consumer<ControlApi> stopProject,
             ObjectMapper json) {
        this.api = api;
        this.stack = stack;
        this.clock = clock;
        this.states = new PcStates(clock);
        this.started = clock.instant();
        this.version = version;
        this.stopProject = stopProject;
        this.json = json;
        this.table = List.of(
                PcRoute.of("GET", "/live", (p, b) -> PcReply.ok(Map.of("status", "alive"))),
                PcRoute.of("GET", "/processes", (p, b) -> PcReply.ok(processes())),
                PcRoute.of("GET", "/process/:name", (p, b) -> PcReply.ok(state(api.process(p.get("name"))))),
                PcRoute.of("GET", "/process/info/:name", (p, b) -> PcReply.ok(PcStates.config(spec(p.get("name"))))),
                PcRoute.of("GET", "/process/logs/:name/:endOffset/:limit", (p, b) -> logs(p)),
                PcRoute.of("PATCH", "/process/stop/:name", (p, b) -> named(p, api::stop)),
                PcRoute.of("PATCH", "/processes/stop", (p, b) -> stopAll(b)),
                PcRoute.of("POST", "/process/start/:name", (p, b) -> named(p, api::start)),
                PcRoute.of("POST", "/process/restart/:name", (p, b) -> named(p, api::restart)),
                PcRoute.of("POST", "/project/stop", (p, b) -> PcReply.ok(Map.of("status", "stopped"))
                        .then(() -> stopProject.accept(api))),
                PcRoute.of("POST", "/project/configuration", (p, b) -> PcReply.ok(updates(api.apply()))),
                PcRoute.of("GET", "/project/name", (p, b) -> PcReply.ok(Map.of("projectName", projectName()))),
                PcRoute.of("GET", "/project/state", (p, b) -> PcReply.ok(projectState(p))),
                PcRoute.of("POST", "/namespace/start/:name", (p, b) -> namespace(p, api::start)),
                PcRoute.of("POST", "/namespace/stop/:name", (p, b) -> namespace(p, api::stop)),
                PcRoute.of("POST", "/namespace/restart/:name", (p, b) -> namespace(p, api::restart)),
                PcRoute.of("GET", "/namespaces", (p, b) -> PcReply.ok(namespaces())),
                unsupported("POST", "/process", "updating a process through the API"),
                unsupported("POST", "/project", "updating the project through the API"),
                unsupported("GET", "/process/ports/:name", "listing a process's ports"),
                unsupported("DELETE", "/process/logs/:name", "truncating a process's logs"),
                unsupported("PATCH", "/process/signal/:name/:signal", "sending a signal"),
                unsupported("PATCH", "/process/scale/:name/:scale", "scaling a process"),
                unsupported("POST", "/process/send-keys/:name", "sending keys to a process"),
                unsupported("GET", "/process/logs/ws", "the log web socket (use the control socket's /v1 logs)"),
                unsupported("GET", "/process/states/ws", "the state web socket (use the control socket's /v1 events)"),
                unsupported("GET", "/graph", "the dependency graph"));
    }

    List<PcRoute> table() {
        return table;
    }

    private static PcRoute unsupported(String method, String path, String what) {
        return PcRoute.of(method, path, (p, b) -> PcReply.notSupported(what));
    }

    private PcShapes.ProcessesState processes() {
        Stack current = stack.get();
        return new PcShapes.ProcessesState(api.processes().stream().map(s -> states.state(s, current)).toList());
    }

    private PcShapes.ProcessState state(ProcessStatus status) {
        return states.state(status, stack.get());
    }

    private ProcessSpec spec(String name) {
        ProcessSpec spec = stack.get().processes().get(name);
        if (spec == null) {
            throw new PitstopException("no such process: " + name);
        }
        return spec;
    }

    /** Process Compose's {@code GetLogRange}: skip the last {@code endOffset} lines, then the last {@code limit}. */
    private PcReply logs(Map<String, String> p) {
        int endOffset;
        int limit;
        try {
            endOffset = Math.max(0, Integer.parseInt(p.get("endOffset")));
            limit = Integer.parseInt(p.get("limit"));
        } catch (NumberFormatException e) {
            return PcReply.error("strconv.Atoi: parsing: invalid syntax: " + e.getMessage());
        }
        List<LogLine> lines = api.logs(p.get("name"), Integer.MAX_VALUE);
        int available = Math.max(0, lines.size() - endOffset);
        int take = limit <= 0 ? available : Math.min(limit, available);
        return PcReply.ok(Map.of("logs", lines.subList(available - take, available).stream()
                .map(LogLine::text).toList()));
    }

    private PcReply named(Map<String, String> p, Consumer<String> action) {
        String name = p.get("name");
        action.accept(name);
        return PcReply.ok(Map.of("name", name));
    }

    /** {@code PATCH /processes/stop}: 200 when all stopped, 207 when some did, 400 when none did. */
    private PcReply stopAll(byte[] body) {
        List<String> names;
        try {
            names = json.readValue(body, new TypeReference<List<String>>() {});
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return PcReply.error("the body is not a JSON list of process names: " + e.getOriginalMessage());
        } catch (IOException e) {
            return PcReply.error("the body could not be read: " + e.getMessage());
        }
        Map<String, String> stopped = new LinkedHashMap<>();
        int ok = 0;
        for (String name : names) {
            try {
                api.stop(name);
                stopped.put(name, "ok");
                ok++;
            } catch (PitstopException e) {
                stopped.put(name, e.getMessage());
            }
        }
        if (ok == names.size()) {
            return PcReply.ok(stopped);
        }
        return ok == 0 ? PcReply.error("no such processes or not running: " + names) : new PcReply(207, stopped);
    }

    /** {@code POST /project/configuration}: Process Compose's words for what a re-read changed. */
    private static Map<String, String> updates(ApplyResult result) {
        Map<String, String> status = new LinkedHashMap<>();
        result.started().forEach(n -> status.put(n, "added"));
        result.restarted().forEach(n -> status.put(n, "updated"));
        result.stopped().forEach(n -> status.put(n, "removed"));
        return status;
    }

    private String projectName() {
        return stack.get().projectName();
    }

    private PcShapes.ProjectState projectState(Map<String, String> p) {
        List<ProcessStatus> all = api.processes();
        int running = (int) all.stream().filter(s -> s.pid() > 0 && !s.state().isTerminal()).count();
        Stack current = stack.get();
        return new PcShapes.ProjectState(current.files().stream().map(Object::toString).toList(),
                Duration.between(started, clock.instant()).toNanos(), started, all.size(), running,
                System.getProperty("user.name"), version, current.projectName(),
                "true".equalsIgnoreCase(p.get("withMemory")) ? memory() : null);
    }

    /** The supervisor JVM's heap, in Process Compose's fields (MiB; GC cycles of every collector). */
    private static PcShapes.MemoryState memory() {
        Runtime rt = Runtime.getRuntime();
        long gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
        return new PcShapes.MemoryState((rt.totalMemory() - rt.freeMemory()) / MIB, rt.totalMemory() / MIB,
                rt.maxMemory() / MIB, gcs);
    }

    private PcReply namespace(Map<String, String> p, Consumer<String> action) {
        String namespace = p.get("name");
        List<String> members = stack.get().processes().values().stream()
                .filter(s -> s.namespaces().contains(namespace)).map(ProcessSpec::name).toList();
        if (members.isEmpty()) {
            return PcReply.error("namespace " + namespace + " not found (no processes assigned)");
        }
        members.forEach(action);
        return PcReply.ok(Map.of("name", namespace));
    }

    private List<String> namespaces() {
        TreeSet<String> all = new TreeSet<>();
        stack.get().processes().values().forEach(s -> all.addAll(s.namespaces()));
        return List.copyOf(all);
    }
}
