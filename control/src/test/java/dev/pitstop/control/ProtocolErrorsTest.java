package dev.pitstop.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.testkit.FakeEngine;
import dev.pitstop.testkit.UnixSocketHttp;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, D24 and D18: malformed requests get an answer at once, broken answers a sentence. */
class ProtocolErrorsTest {
    @TempDir Path dir;

    @Test
    void aDuplicateContentLengthIsA400AtOnce() throws Exception {
        try (ControlServer server = new ControlServer(new FakeEngine(), dir.resolve(".pitstop"))) {
            server.start();
            // before: the second length (5) was awaited for the whole 10 s read deadline, then no answer at all
            UnixSocketHttp.Reply reply = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> UnixSocketHttp.exchange(server.socketPath(), "POST /v1/apply HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Length: 0\r\nContent-Length: 5\r\n\r\n"));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("more than one Content-Length header");
        }
    }

    @Test
    void aSocketThatClosesWithoutAnsweringIsOneSentence() throws Exception {
        Path state = Files.createDirectories(dir.resolve(".pitstop"));
        try (ServerSocketChannel silent = listen(state)) {
            CompletableFuture.runAsync(() -> acceptAndClose(silent));
            assertThatThrownBy(() -> new RemoteControl(state).processes()).isInstanceOf(ControlException.class)
                    .hasMessage("the stack closed the connection without answering; it may be stopping: run the "
                            + "command again, and see .pitstop/pitstop.out if it keeps happening");
        }
    }

    @Test
    void aSocketThatSpeaksSomethingElseIsOneSentence() throws Exception {
        Path state = Files.createDirectories(dir.resolve(".pitstop"));
        try (ServerSocketChannel other = listen(state)) {
            CompletableFuture.runAsync(() -> answer(other, "SSH-2.0-OpenSSH_9.6\r\n"));
            assertThatThrownBy(() -> new RemoteControl(state).processes()).isInstanceOf(ControlException.class)
                    .hasMessage("something other than a Pitstop stack answers on the control socket; stop it, or "
                            + "delete .pitstop/pitstop.sock if no stack runs here");
        }
    }

    private static ServerSocketChannel listen(Path state) throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(state.resolve("pitstop.sock")));
        return server;
    }

    private static void acceptAndClose(ServerSocketChannel server) {
        answer(server, "");
    }

    private static void answer(ServerSocketChannel server, String bytes) {
        try (SocketChannel client = server.accept()) {
            client.read(ByteBuffer.allocate(4096));
            client.write(ByteBuffer.wrap(bytes.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.io.IOException e) {
            // the test sees what the client made of it
        }
    }
}
