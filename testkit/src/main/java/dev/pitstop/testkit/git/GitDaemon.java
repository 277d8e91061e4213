package dev.pitstop.testkit.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@code git daemon} serving every repository under a folder, read-only, on 127.0.0.1 and a free port:
 * {@code git://127.0.0.1:PORT/NAME}. Needs the {@code git} executable (Debian package {@code git}).
 *
 * <pre>{@code
 * try (GitDaemon daemon = GitDaemon.serve(reposDir)) {
 *     String url = daemon.url("hello");   // git://127.0.0.1:41234/hello
 * }
 * }</pre>
 */
public final class GitDaemon implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code git daemon} over {@code baseDir} and returns once it accepts connections. */
    public static GitDaemon serve(Path baseDir) {
        List<String> failures = new ArrayList<>();
        // the port is free when chosen but may be taken before the daemon binds it: try another then
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            Process process = start(baseDir, port);
            try {
                awaitReady(process, failures);
                return new GitDaemon(process, port);
            } catch (IllegalStateException e) {
                stop(process);
                failures.add(e.getMessage());
            }
        }
        throw new IllegalStateException("git daemon did not start: " + failures);
    }

    public int port() {
        return port;
    }

    /** {@code git://127.0.0.1:PORT/<path>}, the path relative to the served folder. */
    public String url(String path) {
        return "git://127.0.0.1:" + port + "/" + path;
    }

    @Override
    public void close() {
        stop(process);
    }

    private static Process start(Path baseDir, int port) {
        Path base = baseDir.toAbsolutePath();
        try {
            return new ProcessBuilder("git", "daemon", "--verbose", "--reuseaddr", "--export-all",
                    "--listen=127.0.0.1", "--port=" + port, "--base-path=" + base, base.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git daemon (is git installed?)", e);
        }
    }

    /** git daemon says "Ready to rumble" once it listens; its other output is drained so it never blocks. */
    private static void awaitReady(Process process, List<String> failures) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("Ready to rumble")) {
                        ready.complete(null);
                    } else if (!ready.isDone()) {
                        failures.add(line);
                    }
                }
            } catch (IOException e) {
                // the daemon was stopped
            }
            ready.completeExceptionally(new IllegalStateException("git daemon exited"));
        }, "git-daemon-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(READY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while git daemon started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("git daemon not ready: " + e.getMessage(), e);
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
