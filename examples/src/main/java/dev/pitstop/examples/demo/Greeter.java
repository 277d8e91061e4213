package dev.pitstop.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Demo service: answers {@code GET /} with its version and PID, {@code GET /healthz} with 200.
 * Usage: {@code Greeter PORT VERSION}. Stops on SIGTERM like a well-behaved daemon.
 */
public final class Greeter {
    private Greeter() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        String version = args.length > 1 ? args[1] : "dev";
        long pid = ProcessHandle.current().pid();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/healthz", exchange -> reply(exchange, "ok\n"));
        server.createContext("/", exchange -> reply(exchange, "hello from greeter " + version + " (pid " + pid + ")\n"));
        server.start();
        System.out.println("greeter " + version + " listening on 127.0.0.1:" + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.println("greeter " + version + " stopped");
            stopped.countDown();
        }, "greeter-stop"));
        stopped.await();
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
