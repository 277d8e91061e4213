package dev.pitstop.signing.internal;

import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file through a temp file in the same folder and an atomic rename, so readers never see half of it. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * @param permissions the mode the file has from its creation on (so a secret key is never readable by
     *                    others, not even for a moment), or {@code null} for the default
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attrs = permissions != null && posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attrs);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                // on disk before the rename, so a crash leaves the old file or the whole new one
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PitstopException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the rename succeeded or the write failed first; a stray temp file is all that remains
                }
            }
        }
    }
}
