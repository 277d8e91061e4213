package dev.pitstop.fetchers;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One whole fetch as a process, for {@code benchmarks/fetch/run.sh}: download a URL, verify it against the
 * given SHA-256, extract it and pick the binary named {@code tool}.
 * Arguments: URL, expected sha256 hex, staging folder (must not exist), cache folder.
 */
public final class FetchBenchmark {
    private FetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String url = args[0];
        Path staging = Files.createDirectories(Path.of(args[2]));
        Fixture fixture = new Fixture(Path.of(args[3]), Map.of());
        long t1 = System.nanoTime();
        FetchedBinary got = fixture.source("url").fetch(Fixture.request(fixture.source("url"),
                Fixture.spec("tool", "url", url, "1.0.0", "checksum: \"sha256:" + args[1] + "\""),
                new dev.pitstop.core.trust.PlatformDetector().detect(), staging));
        long t2 = System.nanoTime();
        System.out.println(got.path() + " " + got.size() + " bytes, " + got.evidence() + "; wiring " + (t1 - t0) / 1_000_000
                + " ms, fetch " + (t2 - t1) / 1_000_000 + " ms");
    }
}
