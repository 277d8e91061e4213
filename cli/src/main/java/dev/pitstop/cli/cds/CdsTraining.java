package dev.pitstop.cli.cds;

import dev.pitstop.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run for the CDS archive ({@code -XX:ArchiveClassesAtExit}), run by the build: the client
 * commands against a socket that answers like a stack does, so the archive holds exactly the classes a
 * real {@code pitstop ps} or {@code pitstop restart} loads.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("pitstop-cds");
        try {
            Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
            Path state = Files.createDirectories(dir.resolve(".pitstop"));
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(state.resolve("pitstop.sock")));
                Thread answering = new Thread(() -> answer(server), "pitstop-cds-server");
                answering.setDaemon(true);
                answering.start();
                StringWriter sink = new StringWriter();
                PrintWriter out = new PrintWriter(sink);
                // only commands that decode without jackson-databind: an archive that also holds databind is
                // 2.5 times larger, and mapping it costs every `pitstop ps` 8 MiB and ~5 ms (docs/benchmarks.md)
                for (String[] command : new String[][] {
                    {"ps"}, {"restart", "a"}, {"stop", "a"}, {"--help"}, {"ps", "--file", "missing.yaml"}}) {
                    Main.run(dir, out, out, command);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void answer(ServerSocketChannel server) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                InputStream in = Channels.newInputStream(client);
                StringBuilder head = new StringBuilder();
                int[] last = new int[4];
                for (int b, i = 0; (b = in.read()) != -1; i++) {
                    head.append((char) b);
                    last[i % 4] = b;
                    if (b == '\n' && last[(i + 2) % 4] == '\n') {
                        break; // end of headers
                    }
                }
                byte[] body = body(head.toString()).getBytes(StandardCharsets.UTF_8);
                OutputStream out = Channels.newOutputStream(client);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** JSON of the shapes a stack answers, so that the archive holds the classes that decode them. */
    private static String body(String head) {
        String target = head.split(" ", 3)[1];
        if (target.equals("/v1/processes")) {
            return "[{\"name\":\"a\",\"state\":\"RUNNING\",\"health\":\"READY\",\"pid\":1,\"restarts\":0,"
                    + "\"startedAt\":\"2026-01-02T03:04:05Z\",\"exitCode\":null}]\n";
        }
        return "{\"error\":\"a training answer\"}\n";
    }
}
