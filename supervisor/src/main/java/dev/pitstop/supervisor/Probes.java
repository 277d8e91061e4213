package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.Child;
import dev.pitstop.core.stack.ProbeSpec;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Builds the {@link Probe} for each kind of {@link ProbeSpec.Action}: exec, http_get, tcp. */
final class Probes {
    private final ProbeTransports transports;
    private final ChildLauncher launcher;
    private final Signals signals;

    Probes(ProbeTransports transports, ChildLauncher launcher, Signals signals) {
        this.transports = transports;
        this.launcher = launcher;
        this.signals = signals;
    }

    Probe create(Stack stack, ProcessSpec owner, ProbeSpec.Action action) {
        if (action instanceof ProbeSpec.HttpGet get) {
            return timeout -> httpGet(get, timeout);
        }
        if (action instanceof ProbeSpec.Tcp tcp) {
            return timeout -> connect(tcp, timeout);
        }
        ProbeSpec.Exec exec = (ProbeSpec.Exec) action;
        return timeout -> exec(stack, owner, exec, timeout);
    }

    private CompletableFuture<Probe.Outcome> httpGet(ProbeSpec.HttpGet get, Duration timeout) {
        String scheme = get.scheme() == null || get.scheme().isEmpty() ? "http" : get.scheme().toLowerCase();
        String host = get.host() == null || get.host().isEmpty() ? "127.0.0.1" : get.host();
        String path = get.path() == null || get.path().isEmpty() ? "/" : get.path();
        URI uri = URI.create(scheme + "://" + host + ":" + get.port() + (path.startsWith("/") ? path : "/" + path));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (get.headers() != null) {
            get.headers().forEach(request::header);
        }
        return transports.http().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> expected(get, r.statusCode()) ? Probe.Outcome.PASSED
                        : Probe.Outcome.failed("GET " + uri + " answered " + r.statusCode()))
                .exceptionally(e -> Probe.Outcome.failed("GET " + uri + ": " + reason(e, timeout)));
    }

    /** {@code status_code} set: exactly that status (Process Compose's rule); unset (0): any 2xx or 3xx. */
    static boolean expected(ProbeSpec.HttpGet get, int status) {
        return get.statusCode() == 0 ? status >= 200 && status < 400 : status == get.statusCode();
    }

    private CompletableFuture<Probe.Outcome> connect(ProbeSpec.Tcp tcp, Duration timeout) {
        CompletableFuture<Probe.Outcome> result = new CompletableFuture<>();
        try {
            AsynchronousSocketChannel channel = AsynchronousSocketChannel.open(transports.sockets());
            String host = tcp.host() == null || tcp.host().isEmpty() ? "127.0.0.1" : tcp.host();
            String where = "connect to " + host + ":" + tcp.port();
            channel.connect(new InetSocketAddress(host, tcp.port()), null, new CompletionHandler<Void, Void>() {
                @Override
                public void completed(Void v, Void a) {
                    result.complete(Probe.Outcome.PASSED);
                }

                @Override
                public void failed(Throwable e, Void a) {
                    result.complete(Probe.Outcome.failed(where + ": " + reason(e, timeout)));
                }
            });
            result.completeOnTimeout(Probe.Outcome.failed(where + ": no answer within " + timeout.toMillis() + " ms"),
                            timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ok, e) -> closeQuietly(channel));
        } catch (IOException e) {
            result.complete(Probe.Outcome.failed("connect to port " + tcp.port() + ": " + e.getMessage()));
        }
        return result;
    }

    private CompletableFuture<Probe.Outcome> exec(Stack stack, ProcessSpec owner, ProbeSpec.Exec exec,
                                                  Duration timeout) {
        String what = "`" + exec.command() + "`";
        Child p;
        try {
            p = launcher.startHelper(stack, owner, exec.command(), exec.workingDir());
        } catch (IOException e) {
            return CompletableFuture.completedFuture(Probe.Outcome.failed(what + " cannot start: " + e.getMessage()));
        }
        long pgid = p.pid();
        return p.exit().thenApply(code -> code == 0 ? Probe.Outcome.PASSED
                        : Probe.Outcome.failed(what + " exited with " + code))
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(outcome -> {
                    if (outcome == null) {
                        signals.toGroup(pgid, Signals.SIGKILL); // the platform's reaper still reaps it
                        return Probe.Outcome.failed(what + " ran longer than " + timeout.toMillis() + " ms");
                    }
                    return outcome;
                });
    }

    /** What went wrong, in words: "connection refused", not the exception classes that wrap it. */
    private static String reason(Throwable e, Duration timeout) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused (nothing listens there)";
            }
            if (t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.nio.channels.InterruptedByTimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
            if (message == null && t.getMessage() != null && !(t instanceof java.util.concurrent.CompletionException)) {
                message = t.getMessage();
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    private static void closeQuietly(AsynchronousSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was sent; a failing close changes no probe result
        }
    }
}
