package dev.pitstop.ui;

import dev.pitstop.control.ControlApi;
import dev.pitstop.control.Outdated;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which managed binary each process runs. The engine's snapshot tells it (by the SHA-256 of
 * {@code /proc/PID/exe}); hashing costs, so a snapshot is taken again only when a PID changed. The newest answer
 * of "check for updates" ({@link #outdated}) is remembered per binary.
 */
final class BinaryIndex {
    private final ControlApi api;
    private final Map<String, Outdated> latest = new ConcurrentHashMap<>();
    private Map<String, Long> pidsSeen = Map.of();
    private Snapshot snapshot;

    BinaryIndex(ControlApi api) {
        this.api = api;
    }

    /** What the page shows of a binary; {@code latest} is the newest version its source offered, if checked. */
    record Ref(String name, String version, String sha256, String source, String commit, String latest,
               boolean updateAvailable) {}

    Ref of(ProcessStatus process, List<ProcessStatus> all, Manifest manifest) {
        if (process.pid() <= 0) {
            return null;
        }
        Optional<ProcessSnapshot> seen = snapshot(all).processes().values().stream()
                .filter(p -> p.pid() == process.pid()).findFirst();
        if (seen.isEmpty() || seen.get().executable() == null) {
            return null;
        }
        ProcessSnapshot p = seen.get();
        String name = manifest.binary(p.name()).isPresent() ? p.name() : manifest.binaries().entrySet().stream()
                .filter(e -> e.getValue().knows(p.executable())).map(Map.Entry::getKey).findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        BinaryRecord record = manifest.binaries().get(name);
        BinaryVersion v = version(record, p);
        if (v == null) {
            return null;
        }
        Outdated check = latest.get(name);
        return new Ref(name, v.version(), v.sha256().hex(), v.source().kind() + ":" + v.source().location(),
                v.commit(), check == null ? null : check.latest(), check != null && check.outdated());
    }

    /** Asks every binary's source for its newest version (network), and remembers the answers. */
    List<Outdated> outdated() {
        List<Outdated> answers = api.outdated();
        answers.forEach(o -> latest.put(o.binary(), o));
        return answers;
    }

    private static BinaryVersion version(BinaryRecord record, ProcessSnapshot p) {
        if (record.current() != null && record.current().sha256().equals(p.executable())) {
            return record.current();
        }
        if (record.candidate() != null && record.candidate().sha256().equals(p.executable())) {
            return record.candidate();
        }
        return record.lastEntry(p.executable()).map(HistoryEntry::binary).orElse(record.current());
    }

    private synchronized Snapshot snapshot(List<ProcessStatus> all) {
        Map<String, Long> pids = all.stream().filter(s -> s.pid() > 0)
                .collect(Collectors.toMap(ProcessStatus::name, ProcessStatus::pid, (a, b) -> a, TreeMap::new));
        if (snapshot == null || !pids.equals(pidsSeen)) {
            snapshot = api.snapshot();
            pidsSeen = pids;
        }
        return snapshot;
    }
}
