package dev.pitstop.fetchers.git;

import dev.pitstop.core.source.BuildFailedException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a git binary's {@code build:} in its checkout with only the configured environment (plus {@code PATH},
 * {@code HOME} and {@code PITSTOP_OUT}), its output streamed to {@code build-<name>.log}. It must exit 0 and
 * write a file at {@code $PITSTOP_OUT}; otherwise a {@link BuildFailedException} carries the last lines.
 */
final class Build {
    private static final int LAST_LINES = 5;

    private Build() {
    }

    /** The environment of the build and of the toolchain check: exactly {@code env}, plus PATH and HOME. */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> all = new TreeMap<>();
        for (String inherited : List.of("PATH", "HOME")) {
            String value = System.getenv(inherited);
            if (value != null) {
                all.put(inherited, value);
            }
        }
        all.putAll(env);
        return all;
    }

    /**
     * @param output hears each line of the build's output (for a progress line), on the output's thread
     * @return how long it took
     */
    static Duration run(String binary, GitSettings settings, Path checkout, Path out, Path log,
                        java.util.function.Consumer<String> output) {
        Map<String, String> env = environment(settings.env());
        env.put("PITSTOP_OUT", out.toString());
        Deque<String> last = new ArrayDeque<>();
        long started = System.nanoTime();
        int exit;
        try {
            Files.createDirectories(log.getParent());
            try (BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                exit = ShellCommand.run(binary + "-build", settings.build(), checkout, env,
                        Duration.ofSeconds(settings.timeout()), line -> {
                            synchronized (last) {
                                if (last.size() == LAST_LINES) {
                                    last.removeFirst();
                                }
                                last.addLast(line);
                            }
                            write(writer, line);
                            output.accept(line);
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(binary + ": cannot write the build log " + log, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> lines;
        synchronized (last) {
            lines = List.copyOf(last);
        }
        if (exit != 0) {
            throw new BuildFailedException(binary, exit < 0 ? "did not finish in " + settings.timeout() + " s"
                    : "exit code " + exit, exit, lines, log);
        }
        if (!Files.isRegularFile(out)) {
            throw new BuildFailedException(binary, "it exited 0 but wrote no file at $PITSTOP_OUT", 0, lines, log);
        }
        return took;
    }

    private static void write(BufferedWriter writer, String line) {
        try {
            synchronized (writer) {
                writer.write(line);
                writer.newLine();
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
