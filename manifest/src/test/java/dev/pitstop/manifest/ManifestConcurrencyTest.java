package dev.pitstop.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ManifestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs doing read-modify-write on one manifest at the same time lose no update. */
class ManifestConcurrencyTest {
    static final int UPDATES = 50;

    @TempDir Path tmp;

    @Test
    void twoProcessesUpdatingOneManifestLoseNothing() throws Exception {
        Path home = tmp.resolve("home");
        Path lockFile = tmp.resolve(ManifestStore.FILE_NAME);
        List<Process> writers = new ArrayList<>();
        try {
            for (String name : List.of("alpha", "beta")) {
                writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ManifestWriterMain.class.getName(),
                        home.toString(), lockFile.toString(), name, Integer.toString(UPDATES))
                        .redirectErrorStream(true)
                        .redirectOutput(tmp.resolve(name + ".log").toFile())
                        .start());
            }
            for (Process p : writers) {
                assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("writer finished in time").isTrue();
                assertThat(p.exitValue()).as(Files.readString(tmp.resolve(writers.indexOf(p) == 0 ? "alpha.log" : "beta.log")))
                        .isZero();
            }
        } finally {
            Fixtures.stop(writers);
        }

        Manifest m = Fixtures.injector(home).getInstance(ManifestStore.class).read(lockFile);
        for (String name : List.of("alpha", "beta")) {
            BinaryRecord r = m.binary(name).orElseThrow();
            assertThat(r.current().version()).isEqualTo(Integer.toString(UPDATES));
            assertThat(r.history()).extracting(HistoryEntry::binary).extracting(v -> v.version())
                    .containsExactlyElementsOf(versions(1, UPDATES - 1));
        }
    }

    private static List<String> versions(int from, int to) {
        List<String> v = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            v.add(Integer.toString(i));
        }
        return v;
    }
}
