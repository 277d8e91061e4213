package dev.pitstop.manifest.bench;

import dev.pitstop.core.Sha256;
import java.nio.file.Path;

/**
 * {@code benchmarks/store/run.sh}: hashes one file once with {@link Sha256#ofFile} and prints
 * {@code <seconds> <hex>}; the time excludes JVM start-up, which is not what is measured.
 */
public final class HashBenchMain {
    private HashBenchMain() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long start = System.nanoTime();
        Sha256 sha = Sha256.ofFile(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.3f %s%n", seconds, sha.hex());
    }
}
