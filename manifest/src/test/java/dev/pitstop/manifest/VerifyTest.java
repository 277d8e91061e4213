package dev.pitstop.manifest;

import static dev.pitstop.manifest.Fixtures.T0;
import static dev.pitstop.manifest.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.store.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} against real store files and real processes. */
class VerifyTest {
    @TempDir Path tmp;
    final List<Process> processes = new ArrayList<>();
    BinaryStore store;
    StackInspector inspector;
    StoredBinary sleep;
    Manifest manifest;

    @BeforeEach
    void setUp() {
        Injector injector = Fixtures.injector(tmp.resolve("home"));
        store = injector.getInstance(BinaryStore.class);
        inspector = injector.getInstance(StackInspector.class);
        sleep = store.put(Path.of("/bin/sleep"), "sleeper");
        manifest = Manifest.empty().install("sleeper", version("9.1", sleep.sha256()), false, T0);
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        Fixtures.stop(processes);
    }

    @Test
    void aProcessRunningTheCurrentBinaryPasses() throws Exception {
        Process p = start(sleep.path());
        VerifyReport report = inspector.verify(manifest, Map.of("sleeper", p.pid(), "unmanaged", p.pid()));
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.checked()).isEqualTo(2); // one store file, one process; the unmanaged name is skipped
    }

    @Test
    void aProcessRunningAnotherBinaryIsReported() throws Exception {
        Path altered = Fixtures.alteredSleep(tmp);
        Process p = start(altered);

        VerifyReport report = inspector.verify(manifest, Map.of("sleeper", p.pid()));

        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("sleeper");
            assertThat(m.expected()).isEqualTo(sleep.sha256());
            assertThat(m.actual()).isEqualTo(Sha256.ofFile(altered));
            assertThat(m.where()).isEqualTo("/proc/" + p.pid() + "/exe (pid " + p.pid() + ")");
            assertThat(m.problem()).isEqualTo("process does not run the current binary");
        });
    }

    @Test
    void withoutProcTheExecutableTheJdkNamesIsChecked() throws Exception {
        // as on macOS: no /proc, so the path ProcessHandle reports (proc_pidpath there) is hashed
        Injector injector = Fixtures.injector(tmp.resolve("home"));
        StackInspector noProc = new ProcInspector(store, injector.getInstance(ManifestJson.class), tmp.resolve("no-proc"));
        Path altered = Fixtures.alteredSleep(tmp);
        Process current = start(sleep.path());
        Process other = start(altered);

        assertThat(noProc.verify(manifest, Map.of("sleeper", current.pid())).mismatches()).isEmpty();
        assertThat(noProc.verify(manifest, Map.of("sleeper", other.pid())).mismatches()).singleElement()
                .satisfies(m -> {
                    assertThat(m.actual()).isEqualTo(Sha256.ofFile(altered));
                    assertThat(m.where()).isEqualTo(altered + " (pid " + other.pid() + ")");
                });
    }

    @Test
    void aTamperedStoreFileAndAMissingCurrentAreReported() throws Exception {
        Modes.set(sleep.path().getParent(), Modes.WRITABLE);
        Modes.set(sleep.path(), "rw-r--r--");
        Files.write(sleep.path(), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        Manifest withGhost = manifest.install("ghost", version("1", Fixtures.sha('e')), false, T0);

        VerifyReport report = inspector.verify(withGhost, Map.of());

        assertThat(report.mismatches()).extracting(VerifyReport.Mismatch::name, VerifyReport.Mismatch::problem)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sleeper", "stored file changed"),
                        org.assertj.core.groups.Tuple.tuple("ghost", "current version missing from the store"));
    }

    private Process start(Path executable) throws Exception {
        Process p = Fixtures.start(executable);
        processes.add(p);
        // exec has happened once /proc/<pid>/exe names the new image rather than the JVM's helper
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/exe")).equals(executable.toRealPath()));
        return p;
    }
}
