package dev.pitstop.supervisor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the user may read: the state folder (0700) and what the supervisor writes into it or into log files
 * (0600). Services' output and events can hold secrets, so nothing is created wider, not even for a moment.
 */
final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates {@code dir} (and parents) if needed and makes it 0700. */
    static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, DIR);
        }
        return dir;
    }

    /** Creates the missing folders above {@code file} as 0700; existing ones (the user's own) are left as they are. */
    static void parentsOf(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR)}
                    : new FileAttribute<?>[0]);
        }
    }

    /** Opens {@code file} for appending, created 0600; an existing file is narrowed to 0600. */
    static OutputStream append(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file, options, attributes()));
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return out;
    }

    /**
     * Replaces {@code target} by a rename of a 0600 temp file, so a reader sees the old or the new content. Not
     * fsynced: what it guards against is the supervisor being killed, and the page cache outlives that.
     */
    static void replace(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", attributes());
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] attributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }
}
