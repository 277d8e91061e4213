package dev.pitstop.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
    private static final Duration QUIET = Duration.ofMillis(150);

    @TempDir
    Path dir;

    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private Path a;
    private Path b;
    private FileWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        a = Files.writeString(dir.resolve("a"), "a1");
        Files.createDirectories(dir.resolve("sub"));
        b = Files.writeString(dir.resolve("sub/b"), "b1");
        watcher = new FileWatcher("pitstop-watch-test", Map.of("alpha", a, "beta", b), QUIET, reports::add);
    }

    @AfterEach
    void close() {
        watcher.close();
    }

    private String next() throws InterruptedException {
        String name = reports.poll(10, TimeUnit.SECONDS);
        assertThat(name).as("a report within 10 s").isNotNull();
        return name;
    }

    @Test
    void aFileWrittenInPlaceIsReportedOnceItIsQuiet() throws Exception {
        Files.writeString(a, "a2");
        Files.writeString(a, "a3, longer");

        assertThat(next()).isEqualTo("alpha");
        Files.writeString(b, "b2");
        assertThat(next()).as("one report for the burst of writes to a, then b's").isEqualTo("beta");
    }

    @Test
    void aFileReplacedByRenameIsReported() throws Exception {
        Path fresh = Files.writeString(dir.resolve("sub/.b.tmp"), "b2");
        Files.move(fresh, b, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(next()).isEqualTo("beta");
    }

    @Test
    void otherFilesAndDeletedFilesAreNotReported() throws Exception {
        Files.writeString(dir.resolve("unrelated"), "x");
        Files.delete(b);
        Files.writeString(a, "a2");

        assertThat(next()).isEqualTo("alpha");
        assertThat(reports).isEmpty();
    }

    @Test
    void closeEndsTheNamedThread() {
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("pitstop-watch-test"));

        watcher.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("pitstop-watch-test")));
    }

    @Test
    void aFailingCallbackDoesNotStopTheWatcher() throws Exception {
        watcher.close();
        watcher = new FileWatcher("pitstop-watch-test", Map.of("alpha", a, "beta", b), QUIET, name -> {
            reports.add(name);
            throw new IllegalStateException("swap failed");
        });
        Files.writeString(a, "a2");
        assertThat(next()).isEqualTo("alpha");
        Files.writeString(b, "b2");
        assertThat(next()).isEqualTo("beta");
    }
}
