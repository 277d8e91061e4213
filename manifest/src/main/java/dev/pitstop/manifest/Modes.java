package dev.pitstop.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** POSIX modes of store files and folders; ignored on file systems without them. */
final class Modes {
    static final String READ_ONLY = "r-xr-xr-x";   // 0555: runnable by everyone, changeable by nobody
    static final String WRITABLE = "rwxr-xr-x";    // 0755

    private Modes() {}

    static void set(Path path, String mode) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }

    static String get(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
