package dev.pitstop.control;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.io.AtomicFiles;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Claims the control socket (mode 0600) and {@code pitstop.pid} of a state folder.
 *
 * <p>Race-free permissions: the socket is bound inside a fresh 0700 folder, so nobody else can reach it
 * while its mode is still the umask's; it is chmod-ed to 0600 and only then hard-linked to its public name.
 * {@code link(2)} never replaces an existing file, so two stacks starting at the same instant cannot
 * silently take each other's socket: the loser sees the winner's live socket and stops. A socket file whose
 * connect is refused is a leftover of a crashed run and is replaced.
 *
 * <p>Where: {@code <stateDir>/pitstop.sock} when that path fits the operating system's limit for socket paths
 * ({@link SocketLocation#MAX_PATH_BYTES}); the private folder is named so that it is never the longer path.
 * Beyond the limit the socket goes to a short folder of the user's ({@link SocketLocation#shortDir}) and
 * {@code <stateDir>/pitstop.sock.path} names it.
 */
final class SocketClaim {
    static final String PID = "pitstop.pid";

    private SocketClaim() {}

    /** @return the bound server; its public path is {@link SocketLocation#of}'s from now on */
    static ServerSocketChannel claim(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path socket = SocketLocation.forNewSocket(stateDir);
        for (int attempt = 0; ; attempt++) {
            refuseIfLive(stateDir, socket);
            Path privateDir = privateDir(socket.getParent());
            Path bound = privateDir.resolve("s");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(bound));
                Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
                Files.createLink(socket, bound);
                SocketLocation.point(stateDir, socket);
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

    /** Removes the socket, its pointer and the pid file of this run. */
    static void release(Path stateDir) throws IOException {
        Files.deleteIfExists(SocketLocation.of(stateDir));
        SocketLocation.unpoint(stateDir);
        Files.deleteIfExists(stateDir.resolve(PID));
    }

    /** A new 0700 folder with a short name ({@code .s} and 6 hex digits), so binding in it needs no longer path. */
    private static Path privateDir(Path parent) throws IOException {
        for (int tries = 0; ; tries++) {
            Path dir = parent.resolve(".s" + Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xF00000)));
            try {
                return Files.createDirectory(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException taken) {
                if (tries == 100) {
                    throw taken;
                }
            }
        }
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
        AtomicFiles.write(stateDir.resolve(PID), ProcessHandle.current().pid() + "\n");
    }

}
