package dev.pitstop.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.GcReport;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.store.VerifyReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {
    @TempDir Path tmp;
    Path home;
    BinaryStore store;
    Path source;

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        store = Fixtures.injector(home).getInstance(BinaryStore.class);
        source = tmp.resolve("nats-server");
        byte[] bytes = new byte[3 * Hashing.BUFFER + 17]; // more than one buffer, not a multiple of it
        new Random(42).nextBytes(bytes);
        Files.write(source, bytes);
    }

    @Test
    void putTwiceKeepsOneReadOnlyCopyWithTheRightHash() throws Exception {
        StoredBinary first = store.put(source, "nats");
        StoredBinary second;
        try (InputStream in = Files.newInputStream(source)) {
            second = store.put(in, "nats");
        }

        assertThat(second).isEqualTo(first);
        assertThat(first.sha256()).isEqualTo(sha256sum(source));
        assertThat(first.size()).isEqualTo(Files.size(source));
        assertThat(first.path()).isEqualTo(home.resolve("store/sha256").resolve(first.sha256().hex()).resolve("nats"));
        assertThat(Files.mismatch(first.path(), source)).isEqualTo(-1L);
        assertThat(Modes.get(first.path())).isEqualTo("r-xr-xr-x");
        assertThat(Modes.get(first.path().getParent())).isEqualTo("r-xr-xr-x");
        assertThat(store.list()).containsExactly(first);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void sameBytesUnderAnotherNameShareTheFolder() {
        StoredBinary nats = store.put(source, "nats");
        StoredBinary copy = store.put(source, "nats-copy");

        assertThat(copy.path().getParent()).isEqualTo(nats.path().getParent());
        assertThat(store.list()).extracting(StoredBinary::name).containsExactly("nats", "nats-copy");
        assertThat(store.find(nats.sha256(), "nats")).contains(nats);
        assertThat(store.find(nats.sha256(), "other")).isEmpty();
    }

    @Test
    void concurrentPutsOfTheSameBytesGiveOneCopy() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> new Thread(r, "put-" + n.incrementAndGet()));
        try {
            List<Future<StoredBinary>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> store.put(source, "nats")));
            }
            List<StoredBinary> stored = new ArrayList<>();
            for (Future<StoredBinary> f : results) {
                stored.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(stored).hasSize(16).allMatch(b -> b.equals(stored.get(0)));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.list()).hasSize(1);
        assertThat(leftovers()).isEmpty();
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void verifyCatchesATamperedStoreFile() throws IOException {
        StoredBinary b = store.put(source, "nats");
        store.put(new ByteArrayInputStream("fine".getBytes(StandardCharsets.UTF_8)), "other");
        assertThat(store.verify()).isEqualTo(new VerifyReport(2, List.of()));

        Modes.set(b.path(), "rw-r--r--");
        byte[] bytes = Files.readAllBytes(b.path());
        bytes[1000] ^= 1;
        Files.write(b.path(), bytes);

        VerifyReport report = store.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("nats");
            assertThat(m.expected()).isEqualTo(b.sha256());
            assertThat(m.actual()).isEqualTo(Sha256.ofFile(b.path()));
            assertThat(m.where()).isEqualTo(b.path().toString());
        });
    }

    @Test
    void gcKeepsWhatItIsToldAndDryRunDeletesNothing() {
        StoredBinary keep = store.put(source, "nats");
        StoredBinary drop = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}), "old");

        GcReport dry = store.gc(Set.of(keep.sha256()), true);
        assertThat(dry.removed()).containsExactly(drop);
        assertThat(dry.bytes()).isEqualTo(3);
        assertThat(store.list()).containsExactlyInAnyOrder(keep, drop);

        GcReport real = store.gc(Set.of(keep.sha256()), false);
        assertThat(real.removed()).containsExactly(drop);
        assertThat(real.kept()).containsExactly(keep);
        assertThat(store.list()).containsExactly(keep);
        assertThat(drop.path().getParent()).doesNotExist();
    }

    @Test
    void gcDeletesTempFilesOfPutsThatDiedLongAgoOnly() throws IOException {
        store.put(source, "nats");
        Path abandoned = Files.createFile(home.resolve("store/sha256/.put-1.tmp"));
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minus(java.time.Duration.ofHours(2))));
        Path inFlight = Files.createFile(home.resolve("store/sha256/.put-2.tmp"));

        store.gc(Set.of(), true);
        assertThat(abandoned).exists();
        store.gc(Set.of(), false);
        assertThat(abandoned).doesNotExist();
        assertThat(inFlight).exists();
    }

    @Test
    void gcOfAStoreNeverWrittenFindsNothing() {
        assertThat(store.gc(Set.of(), false).removed()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void rejectsNamesThatAreNotPlainFileNames() {
        for (String bad : List.of("", "../x", "a/b", ".hidden")) {
            assertThatThrownBy(() -> store.put(source, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("store/sha256"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** The standard tool's answer, so the store is checked against more than the JDK it runs on. */
    static Sha256 sha256sum(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sha256sum", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Sha256(out.substring(0, 64));
    }
}
