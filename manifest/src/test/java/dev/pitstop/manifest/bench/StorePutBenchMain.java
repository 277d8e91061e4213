package dev.pitstop.manifest.bench;

import com.google.inject.Guice;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.manifest.ManifestModule;
import java.nio.file.Path;

/**
 * {@code benchmarks/store/run.sh}: {@code <file> <home>} stores the file into an empty store once and prints
 * {@code <seconds> <hex>} (copy, hash, fsync, rename, chmod), without JVM start-up.
 */
public final class StorePutBenchMain {
    private StorePutBenchMain() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        BinaryStore store = Guice.createInjector(new ManifestModule(),
                b -> b.bind(PitstopHome.class).toInstance(new PitstopHome(Path.of(args[1]))))
                .getInstance(BinaryStore.class);
        long start = System.nanoTime();
        StoredBinary stored = store.put(file, "bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.3f %s%n", seconds, stored.sha256().hex());
    }
}
