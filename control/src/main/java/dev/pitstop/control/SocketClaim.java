package dev.pitstop.control;

import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Claims {@code pitstop.sock} (mode 0600) and {@code pitstop.pid} in a state folder.
 *
 * <p>Race-free permissions: the socket is bound inside a fresh 0700 folder, so nobody else can reach it
 * while its mode is still the umask's; it is chmod-ed to 0600 and only then hard-linked to its public name.
 * {@code link(2)} never replaces an existing file, so two stacks starting at the same instant cannot
 * silently take each other's socket: the loser sees the winner's live socket and stops. A socket file whose
 * connect is refused is a leftover of a crashed run and is replaced.
 */
final class SocketClaim {
    static final String SOCKET = "pitstop.sock";
    static final String PID = "pitstop.pid";

    private SocketClaim() {}

    static ServerSocketChannel claim(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path socket = stateDir.resolve(SOCKET);
        for (int attempt = 0; ; attempt++) {
            refuseIfLive(stateDir, socket);
            Path privateDir = Files.createTempDirectory(stateDir, ".sock-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path bound = privateDir.resolve(SOCKET);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(bound));
                Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
                Files.createLink(socket, bound);
                writePid(stateDir);
                return server;
            } catch (FileAlreadyExistsException e) {
                server.close();
                if (attempt > 0) {
                    throw new PitstopException("cannot claim " + socket + ": another stack keeps creating it");
                }
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            } finally {
                Files.deleteIfExists(bound);
                Files.deleteIfExists(privateDir);
            }
        }
    }

    /** Removes the socket and pid file of this run. */
    static void release(Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(SOCKET));
        Files.deleteIfExists(stateDir.resolve(PID));
    }

    private static void refuseIfLive(Path stateDir, Path socket) throws IOException {
        if (!Files.exists(socket)) {
            return;
        }
        boolean live;
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            live = probe.isConnected();
        } catch (IOException refused) {
            live = false;
        }
        if (live) {
            throw new PitstopException("a stack is already running in " + stateDir.getParent() + " ("
                    + readPid(stateDir) + ", socket " + socket + ")");
        }
        // nobody listens: a crashed run left it behind
        Files.deleteIfExists(socket);
    }

    private static String readPid(Path stateDir) {
        try {
            return "pid " + Files.readString(stateDir.resolve(PID), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    private static void writePid(Path stateDir) throws IOException {
        Path tmp = Files.createTempFile(stateDir, PID, ".tmp");
        try {
            Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, stateDir.resolve(PID), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
