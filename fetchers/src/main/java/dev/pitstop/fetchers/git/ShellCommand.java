package dev.pitstop.fetchers.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one {@code sh -c} command of a git binary (its build or its toolchain check) with exactly the environment
 * given, its output merged and handed over line by line, within a deadline. On timeout or interrupt the command
 * and every process it started are killed and reaped before this returns.
 */
final class ShellCommand {
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private ShellCommand() {
    }

    /** @return the exit code, or {@code -1} when the deadline passed */
    static int run(String name, String command, Path dir, Map<String, String> env, Duration timeout,
                   Consumer<String> lines) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sh for " + name, e);
        }
        Thread pump = new Thread(() -> pump(process, lines), "pitstop-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                pump.join(DRAIN.toMillis());
                return -1;
            }
            pump.join(DRAIN.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted", e);
        }
    }

    private static void pump(Process process, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the process was killed and its pipe closed: what was read is all there is
        }
    }

    /** Kills the command's descendants first, so none is left to the init process, then reaps the command. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
