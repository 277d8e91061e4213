package dev.pitstop.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stack of a real nats-server (a managed binary, JetStream on) and two dependents, on free ports. */
final class NatsStack {
    static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");

    private NatsStack() {}

    static Path write(Path dir) throws IOException {
        int port = freePort();
        int http = freePort();
        return Files.writeString(dir.resolve("pitstop.yaml"), """
                binaries:
                  nats:
                    file: %s
                processes:
                  nats:
                    command: "exec ${bin:nats} -a 127.0.0.1 -p %d -m %d -js -sd %s"
                    readiness_probe:
                      http_get: { host: 127.0.0.1, port: %d, path: /healthz }
                      period_seconds: 1
                    reload_timeout_seconds: 4
                  follower:
                    command: "exec sleep 600"
                    depends_on: { nats: { condition: process_healthy } }
                    on_dependency_reload: restart
                  steady:
                    command: "exec sleep 600"
                    depends_on: { nats: { condition: process_healthy } }
                drill:
                  probe: "exec 3<>/dev/tcp/127.0.0.1/%d"
                  check: "test -d %s"
                  nats: { url: "nats://127.0.0.1:%d", stream: DRILL, subject: drill.test }
                """.formatted(NATS_SERVER, port, http, dir.resolve("js"), http, port, dir.resolve("js"), port));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
