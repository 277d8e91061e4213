package dev.pitstop.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Raw HTTP over a stack's control socket, so tests see exactly the bytes the server sends. */
public final class UnixSocketHttp {
    private UnixSocketHttp() {}

    public static SocketChannel connect(Path socket) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    public static void send(SocketChannel channel, String raw) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Sends a raw request and reads the whole answer (the server closes every connection). */
    public static Reply exchange(Path socket, String raw) throws IOException {
        try (SocketChannel channel = connect(socket)) {
            send(channel, raw);
            InputStream in = Channels.newInputStream(channel);
            return Reply.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static Reply request(Path socket, String method, String target) throws IOException {
        return exchange(socket, method + " " + target + " HTTP/1.1\r\nHost: pitstop\r\n\r\n");
    }

    public static Reply post(Path socket, String target, String jsonBody) throws IOException {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        return exchange(socket, "POST " + target + " HTTP/1.1\r\nHost: pitstop\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + jsonBody);
    }

    /** The status, the head (status line and headers) and the body of an answer. */
    public record Reply(int status, String head, String body) {
        static Reply parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            return new Reply(Integer.parseInt(head.substring(9, 12)), head, raw.substring(split + 4));
        }
    }
}
