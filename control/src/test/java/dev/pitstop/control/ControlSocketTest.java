package dev.pitstop.control;

import dev.pitstop.testkit.FakeEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.PitstopException;
import dev.pitstop.testkit.UnixSocketHttp;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSocketTest {
    @TempDir Path dir;
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void socketIsOwnerOnlyAndPidFileNamesThisProcess() throws Exception {
        Path state = dir.resolve(".pitstop");
        try (ControlServer server = new ControlServer(new FakeEngine(), state, TestText.LINES)) {
            server.start();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketPath())))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(state.resolve("pitstop.pid")).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            try (var files = Files.list(state)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "pitstop.sock", "pitstop.pid");
            }
        }
        assertThat(state.resolve("pitstop.sock")).doesNotExist();
        assertThat(state.resolve("pitstop.pid")).doesNotExist();
    }

    @Test
    void staleSocketOfACrashedRunIsReplaced() throws Exception {
        Path state = Files.createDirectories(dir.resolve(".pitstop"));
        Path socket = state.resolve("pitstop.sock");
        // a bound socket nobody listens on any more: what a killed run leaves behind
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket));
        }
        Files.writeString(state.resolve("pitstop.pid"), "999999\n");
        assertThat(socket).exists();

        try (ControlServer server = new ControlServer(new FakeEngine(), state, TestText.LINES)) {
            server.start();
            assertThat(UnixSocketHttp.request(socket, "GET", "/v1/processes").status()).isEqualTo(200);
            assertThat(Files.readString(state.resolve("pitstop.pid")).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void liveSocketIsRefusedAndLeftAlone() throws Exception {
        Path state = dir.resolve(".pitstop");
        try (ControlServer first = new ControlServer(new FakeEngine(), state, TestText.LINES);
             ControlServer second = new ControlServer(new FakeEngine(), state, TestText.LINES)) {
            first.start();
            assertThatThrownBy(second::start)
                    .isInstanceOf(PitstopException.class)
                    .hasMessage("a stack is already running in " + dir + " (pid " + ProcessHandle.current().pid()
                            + ", socket " + state.resolve("pitstop.sock") + ")");
            assertThat(UnixSocketHttp.request(first.socketPath(), "GET", "/v1/processes").status()).isEqualTo(200);
        }
    }

    @Test
    void curlSpeaksToTheSocket() throws Exception {
        Path state = dir.resolve(".pitstop");
        try (ControlServer server = new ControlServer(new FakeEngine(), state, TestText.LINES)) {
            server.start();
            Process curl = new ProcessBuilder("curl", "-sS", "--fail-with-body", "--max-time", "20",
                    "--unix-socket", server.socketPath().toString(), "http://pitstop/v1/processes?format=text")
                    .redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes());
            assertThat(curl.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).as(out).isZero();
            assertThat(out).isEqualTo("nats ingest-worker broken\n");

            Process post = new ProcessBuilder("curl", "-sS", "--max-time", "20", "-X", "POST",
                    "-H", "Content-Type: application/json", "-d", "{\"names\":[\"nats\"]}",
                    "--unix-socket", server.socketPath().toString(), "http://pitstop/v1/reload")
                    .redirectErrorStream(true).start();
            String posted = new String(post.getInputStream().readAllBytes());
            assertThat(post.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(mapper.readTree(posted).get(0).get("newPid").asLong()).isEqualTo(5151);
        }
    }
}
