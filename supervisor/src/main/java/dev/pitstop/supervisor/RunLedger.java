package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessTable;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code .pitstop/running.json}: which supervisor runs the stack and which processes it started, kept current as
 * runs start and end. When the supervisor is killed, the next {@code up} reads it to find what is still alive
 * ({@link Leftovers}). Writes are coalesced on {@code writer} and replace the file by a rename; a process started
 * in the moment before a write is still found through its {@link RunMarker#RUN_ID} marker.
 */
final class RunLedger {
    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);
    static final String FILE_NAME = "running.json";

    /**
     * One process a run started; {@code startTicks} tells it apart from a later process with the same PID, and
     * {@code pgid} is the group it leads (the same number: every run leads its own group).
     */
    record Entry(String name, long pid, long pgid, long startTicks, String command) {}

    /** The whole file. */
    record Snapshot(String runId, long supervisorPid, long supervisorStartTicks, List<Entry> processes) {}

    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path file;
    private final String runId;
    private final ProcessTable proc;
    private final Executor writer;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Map<Long, Entry> running = new LinkedHashMap<>();
    private final long selfPid = ProcessHandle.current().pid();
    private final long selfStart;
    private boolean broken;

    RunLedger(Path stateDir, String runId, ProcessTable proc, Executor writer) {
        this.file = stateDir.resolve(FILE_NAME);
        this.runId = runId;
        this.proc = proc;
        this.writer = writer;
        this.selfStart = proc.stat(selfPid).map(ProcessTable.Stat::startTicks).orElse(0L);
    }

    /** What the file says, or empty when there is none or it cannot be read (then there is nothing to find). */
    static Optional<Snapshot> read(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            return Optional.of(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readAllBytes(file), Snapshot.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read {}; leftovers of an earlier run are found by their environment only", file, e);
            return Optional.empty();
        }
    }

    /** Its start time is read when the ledger is written next: many starts then cost one look at the table. */
    void started(String name, long pid, String command) {
        synchronized (running) {
            running.put(pid, new Entry(name, pid, pid, 0, command));
        }
        changed();
    }

    void ended(long pid) {
        synchronized (running) {
            running.remove(pid);
        }
        changed();
    }

    private void changed() {
        if (queued.compareAndSet(false, true)) {
            try {
                writer.execute(() -> {
                    queued.set(false);
                    write();
                });
            } catch (RejectedExecutionException e) {
                queued.set(false);
                write(); // the supervisor is closing: this change still has to reach the file
            }
        }
    }

    /** Writes the current state now (the snapshot is taken under the same lock, so the last write is the newest). */
    synchronized void write() {
        List<Long> unknown;
        synchronized (running) {
            unknown = running.values().stream().filter(e -> e.startTicks() == 0).map(Entry::pid).toList();
        }
        Map<Long, Long> starts = unknown.isEmpty() ? Map.of() : proc.startTimes(unknown);
        List<Entry> now;
        synchronized (running) {
            starts.forEach((pid, ticks) -> running.computeIfPresent(pid, (p, e) -> e.startTicks() != 0 ? e
                    : new Entry(e.name(), e.pid(), e.pgid(), ticks, e.command())));
            now = new ArrayList<>(running.values());
        }
        if (broken) {
            return;
        }
        try {
            PrivateFiles.replace(file, json.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Snapshot(runId, selfPid, selfStart, now)));
        } catch (IOException e) {
            broken = true;
            LOG.error("cannot write {}; after a crash, leftovers are found by their environment only", file, e);
        }
    }
}
