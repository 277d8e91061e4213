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
 * real {@code pitstop ps} or {@code pitstop reload} loads.
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
                for (String[] command : new String[][] {
                    {"ps"}, {"ps", "--json"}, {"reload", "a"}, {"reload", "a", "b"}, {"restart", "a"},
                    {"logs", "a", "-n", "5"}, {"events"}, {"--help"}, {"ps", "--file", "missing.yaml"},
                    {"verify"}, {"outdated"}, {"manifest", "show"}, {"rollback", "a"}}) {
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
        byte[] body = "NAME  STATE\na     Running\n".getBytes(StandardCharsets.UTF_8);
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                InputStream in = Channels.newInputStream(client);
                int[] last = new int[4];
                for (int b, i = 0; (b = in.read()) != -1; i++) {
                    last[i % 4] = b;
                    if (b == '\n' && last[(i + 2) % 4] == '\n') {
                        break; // end of headers
                    }
                }
                OutputStream out = Channels.newOutputStream(client);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            } catch (IOException e) {
                return;
            }
        }
    }
}
