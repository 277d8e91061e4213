package dev.pitstop.supervisor;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.process.CheckResult;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.supervisor.platform.Child;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one check command to completion within a deadline: its own process group (so what it forks dies with it at
 * the deadline), output to a temp file whose last lines are kept, nothing left behind.
 */
final class CheckRunner {
    private static final int LAST_LINES = 10;
    private static final long REAP_SECONDS = 5;

    private final ChildLauncher launcher;
    private final Signals signals;

    CheckRunner(ChildLauncher launcher, Signals signals) {
        this.launcher = launcher;
        this.signals = signals;
    }

    CheckResult run(Stack stack, ProcessSpec owner, String command, Duration timeout) {
        long start = System.nanoTime();
        Path output = null;
        try {
            output = Files.createTempFile("pitstop-check-", ".out");
            Child process = launcher.startCheck(stack, owner, command, output);
            Integer code = await(process, timeout.toMillis());
            // the group, also when the command finished: it may have left a background child behind
            signals.toGroup(process.pid(), Signals.SIGKILL);
            if (code == null && await(process, TimeUnit.SECONDS.toMillis(REAP_SECONDS)) == null) {
                throw new PitstopException(owner.name() + ": the check `" + command + "` survived SIGKILL");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new CheckResult(code != null ? code : -1, lastLines(output), took, code == null);
        } catch (IOException e) {
            throw new PitstopException(owner.name() + ": cannot run the check `" + command + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException(owner.name() + ": interrupted while running `" + command + "`", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans its temp folder
                }
            }
        }
    }

    /** @return the exit code, or null when it did not exit within {@code millis} */
    private static Integer await(Child child, long millis) throws InterruptedException {
        try {
            return child.exit().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an exit cannot fail", e);
        }
    }

    private static List<String> lastLines(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        return lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
    }
}
