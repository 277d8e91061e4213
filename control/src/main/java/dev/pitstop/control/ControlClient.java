package dev.pitstop.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends one HTTP/1.1 request over a stack's control socket.
 *
 * <p>{@code java.net.http.HttpClient} cannot connect to a Unix domain socket, and loading it (or Jackson)
 * would cost a short-lived CLI more than the whole request does; this client writes a request line and
 * reads the answer with {@link HttpAnswer}, nothing else.
 */
final class ControlClient {
    private final Path stateDir;
    private final Path directory;

    /** @param stateDir the stack's {@code .pitstop/} folder */
    ControlClient(Path stateDir) {
        this.stateDir = stateDir;
        this.directory = stateDir.getParent();
    }

    /**
     * Sends a request; the caller reads and closes the answer.
     *
     * @throws NotRunningException if no socket exists or nothing listens on it
     */
    HttpAnswer send(String method, String target) throws IOException {
        Path socket = SocketLocation.of(stateDir);
        if (!Files.exists(socket)) {
            throw new NotRunningException(directory, "no .pitstop/pitstop.sock");
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new NotRunningException(directory, ".pitstop/pitstop.sock does not answer: " + e.getMessage());
        }
        try {
            String request = method + " " + target + " HTTP/1.1\r\nHost: pitstop\r\nUser-Agent: pitstop-cli\r\n"
                    + (method.equals("POST") ? "Content-Length: 0\r\n" : "") + "Connection: close\r\n\r\n";
            ByteBuffer buf = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 8192);
            return HttpAnswer.read(in, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether a server answers on the socket right now. */
    boolean answers() {
        try (HttpAnswer answer = send("GET", "/v1/processes")) {
            answer.body().readAllBytes();
            return answer.status() == 200;
        } catch (IOException | NotRunningException e) {
            return false;
        }
    }
}
