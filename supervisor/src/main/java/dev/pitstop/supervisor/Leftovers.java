package dev.pitstop.supervisor;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.ShutdownSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.supervisor.platform.ProcessTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed supervisor left running. A process of the earlier run is recognised by its PID <em>and</em> start
 * time as recorded in {@link RunLedger}, or by the run's marker in its environment (which also finds what was
 * started just before the crash, or escaped its group with {@code setsid}); a reused PID matches neither. Nothing
 * is touched while the earlier supervisor itself is still alive.
 */
final class Leftovers {
    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    /** One leftover; {@code name} is the process of the stack file it belonged to ({@code ?} when unknown). */
    record Found(String name, long pid, long pgrp, String command) {}

    private final ProcessTable proc;
    private final GroupStopper stopper;
    private final long self = ProcessHandle.current().pid();

    Leftovers(ProcessTable proc, GroupStopper stopper) {
        this.proc = proc;
        this.stopper = stopper;
    }

    /**
     * Before a stack starts: stops what an earlier run of it left alive (its supervisor was killed), each with its
     * process's grace period, and says so in a warning per leftover.
     */
    void stopBefore(RunLedger.Snapshot previous, Stack stack, EventBus events) {
        List<Found> found = find(previous);
        if (found.isEmpty()) {
            return;
        }
        long grace = 0;
        for (Found f : found) {
            String detail = "leftover of an earlier run still alive: pid " + f.pid() + " (" + f.command()
                    + "); stopping process group " + f.pgrp();
            LOG.warn("{}: {}", f.name(), detail);
            events.emit(EventType.LEFTOVER_STOPPED, f.name(), detail);
            ProcessSpec spec = stack.processes().get(f.name());
            grace = Math.max(grace, StopDeadline.of(spec == null ? ShutdownSpec.DEFAULT : spec.shutdown()).grace()
                    .toMillis());
        }
        try {
            if (!stop(found, Duration.ofMillis(grace))) {
                events.emit(EventType.WARNING, null, "leftovers of an earlier run are still alive after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while stopping leftovers of an earlier run", e);
        }
    }

    List<Found> find(RunLedger.Snapshot previous) {
        if (alive(previous.supervisorPid(), previous.supervisorStartTicks())) {
            return List.of();
        }
        Map<Long, Found> found = new LinkedHashMap<>();
        for (RunLedger.Entry e : previous.processes()) {
            proc.stat(e.pid()).filter(s -> !s.dead() && proc.sameStart(s.startTicks(), e.startTicks()))
                    .ifPresent(s -> found.put(e.pid(), new Found(e.name(), e.pid(), s.pgrp(), e.command())));
        }
        List<ProcessTable.Stat> all = proc.all();
        for (ProcessTable.Stat s : all) {
            if (s.dead() || s.pid() == self || found.containsKey(s.pid())) {
                continue;
            }
            Map<String, String> env = proc.environ(s.pid());
            if (previous.runId().equals(env.get(RunMarker.RUN_ID))) {
                found.put(s.pid(), new Found(env.getOrDefault(RunMarker.PROCESS_NAME, "?"), s.pid(), s.pgrp(),
                        proc.commandLine(s.pid())));
            }
        }
        Set<Long> leftoverGroups = new LinkedHashSet<>();
        found.values().forEach(f -> leftoverGroups.add(f.pgrp()));
        // members of those groups that cleared their environment are descendants all the same
        for (ProcessTable.Stat s : all) {
            if (!s.dead() && leftoverGroups.contains(s.pgrp()) && !found.containsKey(s.pid()) && s.pid() != self) {
                found.put(s.pid(), new Found("?", s.pid(), s.pgrp(), proc.commandLine(s.pid())));
            }
        }
        return new ArrayList<>(found.values());
    }

    private boolean alive(long pid, long startTicks) {
        Optional<ProcessTable.Stat> s = proc.stat(pid);
        return s.isPresent() && !s.get().dead() && proc.sameStart(s.get().startTicks(), startTicks);
    }

    /**
     * Stops the groups of {@code found}: SIGTERM, up to {@code grace} for them to go, SIGKILL, up to 5 s more; then
     * reaps those that were re-parented to this JVM.
     *
     * @return whether every group is empty
     */
    boolean stop(List<Found> found, Duration grace) throws InterruptedException {
        CompletableFuture<Boolean> done = stopper.stop(found.stream().map(Found::pgrp).toList(), Signals.SIGTERM, grace,
                found.stream().map(Found::pid).toList());
        try {
            return done.get(grace.plus(StopDeadline.AFTER_KILL).toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
