package dev.pitstop.drill;

import dev.pitstop.core.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code drill:} command run as the stack runs its commands: through its shell, in its folder, with its
 * environment. Output goes to a file, so a chatty command cannot block on a full pipe.
 */
final class ShellCommand {
    /** The exit code and the last line of output of a command that ran to its end. */
    record Result(int exitCode, String lastLine, boolean timedOut) {
        boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        String describe() {
            return timedOut ? "timed out" : "exit " + exitCode + (lastLine.isEmpty() ? "" : ": " + lastLine);
        }
    }

    private final Stack stack;
    private final Path logDir;

    ShellCommand(Stack stack, Path logDir) {
        this.stack = stack;
        this.logDir = logDir;
    }

    Process start(String command, String logName) {
        List<String> argv = new ArrayList<>(stack.shell());
        argv.add(command);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(stack.directory().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(logName).toFile()));
        pb.environment().putAll(stack.environment());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    Result run(String command, String logName, Duration timeout) {
        Path log = logDir.resolve(logName);
        try {
            Files.deleteIfExists(log);
            Process p = start(command, logName);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                return new Result(-1, "", true);
            }
            return new Result(p.exitValue(), lastLine(log), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Stops a command and everything it started, and reaps them. */
    static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                h.destroyForcibly();
            }
        }
        p.waitFor(5, TimeUnit.SECONDS);
    }

    private static String lastLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                String line = lines.get(i).strip();
                return line.length() > 200 ? line.substring(0, 200) + "\u2026" : line;
            }
        }
        return "";
    }
}
