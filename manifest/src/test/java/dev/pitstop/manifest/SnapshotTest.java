package dev.pitstop.manifest;

import static dev.pitstop.manifest.Fixtures.T0;
import static dev.pitstop.manifest.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.SnapshotDiff;
import dev.pitstop.core.store.SnapshotDiff.Change;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.core.store.StoredBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapshot} and {@code diff} with real processes. */
class SnapshotTest {
    @TempDir Path tmp;
    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        Fixtures.stop(processes);
    }

    @Test
    void diffTellsRestartedChangedAddedRemovedAndUnchangedApart() throws Exception {
        Injector injector = Fixtures.injector(tmp.resolve("home"));
        BinaryStore store = injector.getInstance(BinaryStore.class);
        StackInspector inspector = injector.getInstance(StackInspector.class);
        StoredBinary v1 = store.put(Path.of("/bin/sleep"), "sleeper");
        StoredBinary v2 = store.put(Fixtures.alteredSleep(tmp), "sleeper");
        Manifest manifest = Manifest.empty().install("sleeper", version("1", v1.sha256()), false, T0);

        Process steady = start(v1.path());
        Process swapped = start(v1.path());
        Process leaving = start(v1.path());
        Process restarted = start(v1.path());
        Snapshot before = inspector.snapshot(manifest, Map.of("steady", steady.pid(), "swapped", swapped.pid(),
                "leaving", leaving.pid(), "restarted", restarted.pid()));
        assertThat(before.processes().get("steady")).isEqualTo(new ProcessSnapshot("steady", steady.pid(),
                steady.info().startInstant().orElseThrow(), v1.sha256(), "1"));

        Manifest next = manifest.install("sleeper", version("2", v2.sha256()), false, T0.plusSeconds(1));
        Fixtures.stop(List.of(swapped, leaving, restarted));
        Process swappedNew = start(v2.path());
        Process restartedNew = start(v1.path());
        Process arriving = start(v1.path());
        Snapshot after = inspector.snapshot(next, Map.of("steady", steady.pid(), "swapped", swappedNew.pid(),
                "restarted", restartedNew.pid(), "arriving", arriving.pid(), "gone", leaving.pid()));

        Path file = tmp.resolve("snapshot.json");
        inspector.write(after, file);
        assertThat(inspector.read(file)).isEqualTo(after);

        SnapshotDiff diff = inspector.diff(before, inspector.read(file));
        assertThat(diff.entries().get("steady").changes()).containsExactly(Change.UNCHANGED);
        assertThat(diff.entries().get("swapped").changes())
                .containsExactlyInAnyOrder(Change.RESTARTED, Change.BINARY_CHANGED, Change.VERSION_CHANGED);
        assertThat(diff.entries().get("restarted").changes()).containsExactly(Change.RESTARTED);
        assertThat(diff.entries().get("arriving").changes()).containsExactly(Change.ADDED);
        assertThat(diff.entries().get("leaving").changes()).containsExactly(Change.REMOVED);
        assertThat(diff.entries()).doesNotContainKey("gone"); // not alive: not in the snapshot
        assertThat(diff.changed()).hasSize(4);
    }

    private Process start(Path executable) throws Exception {
        Process p = Fixtures.start(executable);
        processes.add(p);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/exe")).equals(executable.toRealPath()));
        return p;
    }
}
