package dev.pitstop.ui;

import dev.pitstop.control.ControlApi;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.store.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The Stack page's data: every process with its state, resources and binary, at one moment. */
final class StackView {
    private final ControlApi api;
    private final ProcStats stats;
    private final BinaryIndex binaries;

    StackView(ControlApi api, ProcStats stats) {
        this.api = api;
        this.stats = stats;
        this.binaries = new BinaryIndex(api);
    }

    /** One process as the page shows it; {@code binary} is {@code null} for a command Pitstop does not manage. */
    record Row(String name, String state, String health, long pid, Instant startedAt, Long uptimeSeconds,
               int restarts, Integer exitCode, Double cpuPercent, Long rssBytes, BinaryIndex.Ref binary) {}

    record Page(Instant at, List<Row> processes) {}

    Page page() {
        List<ProcessStatus> statuses = api.processes();
        Manifest manifest = api.manifest();
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        Set<Long> running = new HashSet<>();
        for (ProcessStatus s : statuses) {
            boolean alive = s.pid() > 0;
            if (alive) {
                running.add(s.pid());
            }
            ProcStats.Usage usage = stats.read(s.pid());
            Long uptime = alive && s.startedAt() != null ? Duration.between(s.startedAt(), now).toSeconds() : null;
            rows.add(new Row(s.name(), s.state().label(), s.health().label(), s.pid(), s.startedAt(), uptime,
                    s.restarts(), s.exitCode(), usage.cpuPercent(), usage.rssBytes(),
                    binaries.of(s, statuses, manifest)));
        }
        stats.retain(running);
        return new Page(now, rows);
    }

    BinaryIndex binaries() {
        return binaries;
    }
}
