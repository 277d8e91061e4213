package dev.pitstop.signing.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real command-line tools (minisign, openssl) the tests compare against, with a deadline. */
public final class Tools {
    private Tools() {}

    public record Run(int exitCode, String output) {}

    /** Runs {@code argv} in {@code dir}, stdin from /dev/null, stdout+stderr captured; fails after 60 s. */
    public static Run run(Path dir, String... argv) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out: " + List.of(argv));
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Run(p.exitValue(), output);
    }

    /** Like {@link #run} but fails the test on a non-zero exit. */
    public static String ok(Path dir, String... argv) throws IOException, InterruptedException {
        Run r = run(dir, argv);
        if (r.exitCode() != 0) {
            throw new AssertionError(List.of(argv) + " exited " + r.exitCode() + ": " + r.output());
        }
        return r.output();
    }
}
