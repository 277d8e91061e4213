package dev.pitstop.control;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where the control socket of a state folder is: {@code <stateDir>/pitstop.sock}, or, when that path is longer
 * than a Unix socket path may be, the path that {@code <stateDir>/pitstop.sock.path} names (a socket in a short
 * folder of the user's: {@code $XDG_RUNTIME_DIR/pitstop/}, else {@code /tmp/pitstop-$USER/}).
 */
final class SocketLocation {
    static final String SOCKET = "pitstop.sock";
    static final String POINTER = "pitstop.sock.path";
    /**
     * The longest socket path the JDK binds and connects to: Linux's {@code sun_path} holds 108 bytes with the
     * terminating NUL, and the JDK refuses 107 already (measured on 17 and 25).
     */
    static final int MAX_PATH_BYTES = 106;

    private SocketLocation() {}

    /** The socket of a state folder, as a client looks for it. */
    static Path of(Path stateDir) {
        Path pointer = stateDir.resolve(POINTER);
        if (Files.isRegularFile(pointer)) {
            try {
                return Path.of(Files.readString(pointer, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new PitstopException("cannot read " + pointer + ": " + e.getMessage());
            }
        }
        return stateDir.resolve(SOCKET);
    }

    /** Where a new socket for the state folder goes. */
    static Path forNewSocket(Path stateDir) throws IOException {
        Path direct = stateDir.resolve(SOCKET);
        if (fits(direct)) {
            return direct;
        }
        String name = Sha256.of(Sha256.newDigest().digest(stateDir.toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8))).hex().substring(0, 16) + ".sock";
        Path socket = shortDir(System.getenv()).resolve(name);
        if (!fits(socket)) {
            throw new PitstopException("no short folder for the control socket of " + stateDir.getParent()
                    + ": set XDG_RUNTIME_DIR to a folder with a short path");
        }
        return socket;
    }

    static boolean fits(Path socket) {
        return socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    /**
     * A folder only this user can enter: {@code $XDG_RUNTIME_DIR/pitstop}, else {@code /tmp/pitstop-$USER}, made
     * 0700; one that exists with other owner or mode is refused rather than trusted.
     */
    static Path shortDir(Map<String, String> env) throws IOException {
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "pitstop") : Path.of("/tmp", "pitstop-" + System.getProperty("user.name"));
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
        }
        if (!Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(dir).equals(owner)) {
            throw new PitstopException(dir + " must belong to " + System.getProperty("user.name")
                    + " with mode 0700 to hold control sockets; remove it or fix its owner and mode");
        }
        return dir;
    }

    /** Records where the socket is when it is not in the state folder. */
    static void point(Path stateDir, Path socket) throws IOException {
        if (!socket.equals(stateDir.resolve(SOCKET))) {
            AtomicFiles.write(stateDir.resolve(POINTER), socket.toAbsolutePath() + "\n");
        }
    }

    static void unpoint(Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(POINTER));
    }
}
