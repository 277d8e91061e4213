package dev.pitstop.signing.internal;

import dev.pitstop.core.trust.CommandRunException;
import dev.pitstop.core.trust.CommandRunner;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with {@link ProcessBuilder}; output goes to temp files rather than pipes, so no pump threads
 * are needed and a chatty command cannot block on a full pipe.
 */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public Result run(List<String> argv, Duration timeout) {
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            out = Files.createTempFile("pitstop-cmd", ".out");
            err = Files.createTempFile("pitstop-cmd", ".err");
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CommandRunException(argv, "did not finish within " + human(timeout) + "; killed", null);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandRunException(argv, "cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandRunException(argv, "interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reap(process);
            }
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Waits a bounded time for a killed process so that it does not linger as a zombie. */
    private static void reap(Process process) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file in the system temp folder harms nothing
            }
        }
    }
}
