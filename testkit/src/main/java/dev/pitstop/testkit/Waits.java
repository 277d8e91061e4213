package dev.pitstop.testkit;

import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** The waits of {@link PitstopStack}: on the engine's log follow and status, bounded, polled by Awaitility. */
final class Waits {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int LAST_LINES = 20;

    private final Engine engine;

    Waits(Engine engine) {
        this.engine = engine;
    }

    String logLine(String process, String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        CompletableFuture<String> match = new CompletableFuture<>();
        // follow first, then read what was printed before: a line printed in between is seen at least once
        try (Subscription ignored = engine.followLogs(process, line -> {
            if (pattern.matcher(line.text()).find()) {
                match.complete(line.text());
            }
        })) {
            engine.logs(process, Integer.MAX_VALUE).stream().map(LogLine::text)
                    .filter(text -> pattern.matcher(text).find()).findFirst().ifPresent(match::complete);
            return match.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no output line of " + process + " matched /" + regex + "/ within "
                    + timeout.toMillis() + " ms; its last lines:" + lastLines(process));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a log line of " + process, e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    void healthy(String process, Duration timeout) {
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .failFast(() -> status(process).state() == ProcessState.ERROR)
                    .until(() -> healthy(status(process)));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            ProcessStatus s = status(process);
            throw new AssertionError(process + " is not healthy" + (e instanceof ConditionTimeoutException
                    ? " after " + timeout.toMillis() + " ms" : "") + ": " + s.state().label() + ", health "
                    + s.health().label() + "; its last lines:" + lastLines(process), e);
        }
    }

    private static boolean healthy(ProcessStatus s) {
        return s.state() == ProcessState.RUNNING && s.health() != Health.NOT_READY;
    }

    void port(int port, Duration timeout) {
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> accepts(port));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("nothing accepts connections on 127.0.0.1:" + port + " after "
                    + timeout.toMillis() + " ms", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private ProcessStatus status(String process) {
        return engine.ps().stream().filter(s -> s.name().equals(process)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the stack has no process '" + process + "'"));
    }

    private String lastLines(String process) {
        List<LogLine> lines = engine.logs(process, LAST_LINES);
        return lines.isEmpty() ? " (none)"
                : lines.stream().map(l -> "\n    " + l.text()).collect(Collectors.joining());
    }
}
