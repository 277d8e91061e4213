package dev.pitstop.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.testkit.FakeEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, D21: deep stack folders still get a control socket. */
class SocketPathTest {
    @TempDir Path tmp;

    /** A state folder whose {@code pitstop.sock} path has exactly {@code bytes} bytes. */
    private Path stateDirWithSocketPathOf(int bytes) {
        int base = tmp.toAbsolutePath().toString().length() + "/".length() + "/.pitstop/pitstop.sock".length();
        return tmp.resolve("s".repeat(bytes - base)).resolve(".pitstop");
    }

    @Test
    void aSocketPathUpToTheLimitIsBoundWhereItBelongs() {
        // before, the socket was first bound in a temp folder 40 bytes deeper: this folder could not start
        Path stateDir = stateDirWithSocketPathOf(SocketLocation.MAX_PATH_BYTES);
        try (ControlServer server = new ControlServer(new FakeEngine(), stateDir)) {
            server.start();
            assertThat(server.socketPath()).isEqualTo(stateDir.resolve("pitstop.sock"));
            assertThat(new RemoteControl(stateDir).processes()).hasSize(3);
        }
        assertThat(stateDir.resolve("pitstop.sock")).doesNotExist();
    }

    @Test
    void beyondTheLimitTheSocketMovesToAShortFolderNamedByAPointerFile() throws Exception {
        Path stateDir = stateDirWithSocketPathOf(SocketLocation.MAX_PATH_BYTES + 40);
        Path pointer = stateDir.resolve(SocketLocation.POINTER);
        Path socket;
        try (ControlServer server = new ControlServer(new FakeEngine(), stateDir)) {
            server.start();
            socket = server.socketPath();
            assertThat(Files.readString(pointer, StandardCharsets.UTF_8).strip()).isEqualTo(socket.toString());
            assertThat(socket.toString().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(SocketLocation.MAX_PATH_BYTES);
            assertThat(Files.getPosixFilePermissions(socket.getParent()))
                    .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
            assertThat(new RemoteControl(stateDir).processes()).hasSize(3);
        }
        assertThat(pointer).doesNotExist();
        assertThat(socket).doesNotExist();
    }
}
