package dev.pitstop.manifest;

import dev.pitstop.core.io.AtomicFiles;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.SnapshotDiff;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.core.store.StoreException;
import dev.pitstop.core.store.VerifyReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A process's executable is read through {@code /proc/<pid>/exe} on Linux, found through the JDK elsewhere. */
final class ProcInspector implements StackInspector {
    private final BinaryStore store;
    private final ManifestJson json;
    private final Clock clock;
    private final Path proc;

    @Inject
    ProcInspector(BinaryStore store, ManifestJson json) {
        this(store, json, Path.of("/proc"));
    }

    /** @param proc where the process table is mounted; where it is not (macOS), the JDK names each executable */
    ProcInspector(BinaryStore store, ManifestJson json, Path proc) {
        this.store = store;
        this.json = json;
        this.clock = Clock.systemUTC();
        this.proc = proc;
    }

    @Override
    public VerifyReport verify(Manifest manifest, Map<String, Long> pidByName) {
        VerifyReport report = store.verify();
        List<VerifyReport.Mismatch> bad = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, BinaryRecord> e : manifest.binaries().entrySet()) {
            BinaryVersion current = e.getValue().current();
            if (current != null && store.find(current.sha256(), e.getKey()).isEmpty()) {
                bad.add(new VerifyReport.Mismatch(e.getKey(), current.sha256(), null, "store",
                        "current version missing from the store"));
            }
        }
        for (Map.Entry<String, Long> p : new TreeMap<>(pidByName).entrySet()) {
            Optional<BinaryVersion> current = manifest.current(p.getKey());
            if (current.isEmpty()) {
                continue; // not a managed binary
            }
            checked++;
            Path exe = exe(p.getValue());
            String where = exe + " (pid " + p.getValue() + ")";
            Sha256 expected = current.get().sha256();
            try {
                Sha256 actual = Sha256.ofFile(exe);
                if (!actual.equals(expected)) {
                    bad.add(new VerifyReport.Mismatch(p.getKey(), expected, actual, where,
                            "process does not run the current binary"));
                }
            } catch (IOException ex) {
                bad.add(new VerifyReport.Mismatch(p.getKey(), expected, null, where,
                        "cannot read the process's executable: " + ex.getMessage()));
            }
        }
        return report.plus(new VerifyReport(checked, bad));
    }

    @Override
    public Snapshot snapshot(Manifest manifest, Map<String, Long> pidByName) {
        TreeMap<String, ProcessSnapshot> processes = new TreeMap<>();
        pidByName.forEach((name, pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
            Sha256 exe = hashOrNull(exe(pid));
            processes.put(name, new ProcessSnapshot(name, pid, h.info().startInstant().orElse(null), exe,
                    exe == null ? null : versionOf(manifest, name, exe)));
        }));
        return new Snapshot(clock.instant(), processes);
    }

    @Override
    public SnapshotDiff diff(Snapshot before, Snapshot after) {
        return SnapshotDiffer.diff(before, after);
    }

    @Override
    public void write(Snapshot snapshot, Path file) {
        try {
            AtomicFiles.write(file, json.write(snapshot));
        } catch (IOException e) {
            throw new StoreException(file, "cannot write", e);
        }
    }

    @Override
    public Snapshot read(Path file) {
        try {
            return json.read(file, Files.readAllBytes(file), Snapshot.class);
        } catch (IOException e) {
            throw new StoreException(file, "cannot read", e);
        }
    }

    /**
     * The file to hash for a process's executable. On Linux {@code /proc/PID/exe}, which reads the bytes the process
     * runs even after its file was replaced or deleted; elsewhere the path the JDK reports ({@code proc_pidpath} on
     * macOS), which names the file as it is now.
     */
    private Path exe(long pid) {
        Path procExe = proc.resolve(Long.toString(pid)).resolve("exe");
        if (Files.isDirectory(proc.resolve(Long.toString(pid)))) {
            return procExe;
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(Path::of).orElse(procExe);
    }

    private static Sha256 hashOrNull(Path exe) {
        try {
            return Sha256.ofFile(exe);
        } catch (IOException e) {
            return null; // gone, or another user's process: the snapshot says "unknown"
        }
    }

    /** The version of that name with this SHA-256, newest first; else of any binary (a process may run another's). */
    private static String versionOf(Manifest manifest, String name, Sha256 exe) {
        List<BinaryRecord> records = new ArrayList<>();
        manifest.binary(name).ifPresent(records::add);
        records.addAll(manifest.binaries().values());
        List<BinaryVersion> newestFirst = new ArrayList<>();
        for (BinaryRecord r : records) {
            newestFirst.add(r.current());
            newestFirst.add(r.candidate());
            for (int i = r.history().size() - 1; i >= 0; i--) {
                newestFirst.add(r.history().get(i).binary());
            }
        }
        return newestFirst.stream().filter(v -> v != null && v.sha256().equals(exe))
                .map(BinaryVersion::version).findFirst().orElse(null);
    }
}
