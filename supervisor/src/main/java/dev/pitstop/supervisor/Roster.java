package dev.pitstop.supervisor;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessName;
import dev.pitstop.core.process.UnknownProcessException;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The processes of one stack run by name, in the stack file's order, each with its log. */
final class Roster {
    private final SupervisorConfig config;
    private final EventBus events;
    private final ProcessHost host;
    private final LogFiles logFiles;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

    Roster(SupervisorConfig config, EventBus events, ProcessHost host) {
        this.config = config;
        this.events = events;
        this.host = host;
        this.logFiles = new LogFiles(config);
    }

    /** Adds a pending process; its output continues {@code previous} when that log has the same file. */
    synchronized ManagedProcess add(SupervisorServices sv, ProcessSpec spec, ProcessLog previous) {
        Stack stack = host.stack();
        Path path = logPath(stack, spec);
        ProcessLog log = previous != null && previous.path().equals(path) ? previous
                : new ProcessLog(spec.name(), path, spec.logLocation() == null && stack.logLocation() != null, logFiles,
                        config);
        ManagedProcess mp = new ManagedProcess(spec, host, sv, log);
        processes.put(spec.name(), mp);
        events.emit(EventType.STATE_CHANGED, spec.name(), mp.status().state().label());
        return mp;
    }

    /** The process's {@code log_location}, else the stack's unified one, else {@code .pitstop/logs/NAME.log}. */
    private static Path logPath(Stack s, ProcessSpec spec) {
        if (spec.logLocation() != null) {
            return s.directory().resolve(spec.logLocation());
        }
        if (s.logLocation() != null) {
            return s.directory().resolve(s.logLocation());
        }
        return s.stateDir().resolve("logs").resolve(new ProcessName(spec.name()).fileName() + ".log");
    }

    synchronized List<ManagedProcess> snapshot() {
        return new ArrayList<>(processes.values());
    }

    synchronized ManagedProcess get(String name) {
        ManagedProcess mp = processes.get(name);
        if (mp == null) {
            throw new UnknownProcessException(name);
        }
        return mp;
    }

    /** What a dependency condition may look at; null for a name that is not in the stack. */
    Facts factsOf(String name) {
        ManagedProcess mp;
        synchronized (this) {
            mp = processes.get(name);
        }
        return mp == null ? null : mp.facts();
    }

    List<ManagedProcess> dependentsOf(String name) {
        return snapshot().stream().filter(p -> p.spec().dependsOn().containsKey(name)).toList();
    }

    /**
     * Takes the processes of {@code next} (the host's stack by now): unchanged ones are kept, changed and new ones
     * start over as pending (a changed one keeps writing to its log if the file stays the same).
     *
     * @return the logs no process writes to any more, to be closed
     */
    synchronized List<ProcessLog> replace(SupervisorServices sv, Stack next, StackDiff diff) {
        List<ProcessLog> unused = new ArrayList<>();
        Map<String, ManagedProcess> old = new LinkedHashMap<>(processes);
        processes.clear();
        for (ProcessSpec spec : next.processes().values()) {
            ManagedProcess kept = old.remove(spec.name());
            if (kept != null && diff.unchanged().contains(spec.name())) {
                processes.put(spec.name(), kept);
            } else {
                ManagedProcess fresh = add(sv, spec, kept == null ? null : kept.log());
                if (kept != null && fresh.log() != kept.log()) {
                    unused.add(kept.log());
                }
            }
        }
        old.values().forEach(p -> unused.add(p.log()));
        return unused;
    }

    /** Closes every log; the processes have stopped. */
    void close() {
        snapshot().forEach(p -> p.log().close());
        logFiles.close();
    }
}
