package dev.pitstop.fetchers.internal.archive;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.pitstop.fetchers.ExtractionLimits;

/**
 * The folder an archive is unpacked into; every write goes through here so that no entry lands outside it
 * and the expanded size stays within {@link ExtractionLimits}.
 */
final class SafeTarget {
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    private final String archiveName;
    private final Path root;
    private final Path realRoot;
    private final ExtractionLimits limits;
    private final java.util.function.LongSupplier archiveSize;
    private final List<Extracted> files = new ArrayList<>();
    private long written;
    private int entries;

    SafeTarget(String archiveName, Path root, ExtractionLimits limits, java.util.function.LongSupplier archiveSize)
            throws IOException {
        this.archiveName = archiveName;
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        this.realRoot = this.root.toRealPath();
        this.limits = limits;
        this.archiveSize = archiveSize;
    }

    List<Extracted> files() {
        return List.copyOf(files);
    }

    /** Where an entry goes, refusing absolute names and names that climb out. */
    Path resolve(String entryName) {
        if (++entries > limits.maxEntries()) {
            throw unsafe(entryName, "more than " + limits.maxEntries() + " entries");
        }
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw unsafe(entryName, "absolute path");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw unsafe(entryName, "path escapes the target folder");
        }
        return target;
    }

    void directory(String entryName) throws IOException {
        Files.createDirectories(resolve(entryName));
    }

    void file(String entryName, InputStream content, boolean executable) throws IOException {
        Path target = resolve(entryName);
        if (target.equals(root)) {
            throw unsafe(entryName, "file entry without a name");
        }
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(realRoot)) {
            throw unsafe(entryName, "parent folder is a link that leads outside");
        }
        Files.deleteIfExists(target);
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        java.security.MessageDigest digest = Sha256.newDigest();
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                size += n;
                count(entryName, n);
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        setMode(target, executable);
        files.add(new Extracted(root.relativize(target).toString().replace('\\', '/'), target, executable, size,
                Sha256.of(digest.digest())));
    }

    void symlink(String entryName, String linkTarget) throws IOException {
        Path link = resolve(entryName);
        if (linkTarget.startsWith("/") || linkTarget.matches("^[A-Za-z]:.*")) {
            throw unsafe(entryName, "symlink to absolute path " + linkTarget);
        }
        Files.createDirectories(link.getParent());
        // judged from the real parent folder, so that links through earlier links cannot climb out
        Path pointsTo = link.getParent().toRealPath().resolve(linkTarget).normalize();
        if (!link.getParent().normalize().resolve(linkTarget).normalize().startsWith(root) || !pointsTo.startsWith(realRoot)) {
            throw unsafe(entryName, "symlink points outside: " + linkTarget);
        }
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(linkTarget));
    }

    void hardlink(String entryName, String linkTarget) throws IOException {
        Path source = resolve(linkTarget);
        if (!Files.isRegularFile(source) || !source.toRealPath().startsWith(realRoot)) {
            throw unsafe(entryName, "hard link to a missing or outside file: " + linkTarget);
        }
        try (InputStream in = Files.newInputStream(source)) {
            file(entryName, in, Files.isExecutable(source));
        }
    }

    UnsafeArchiveException unsafe(String entry, String why) {
        return new UnsafeArchiveException(archiveName, entry, why);
    }

    private void count(String entryName, int n) {
        written += n;
        if (written > limits.maxTotalBytes()) {
            throw unsafe(entryName, "expands past " + limits.maxTotalBytes() + " bytes");
        }
        if (written > limits.ratioFloorBytes() && written / Math.max(1, archiveSize.getAsLong()) > limits.maxRatio()) {
            throw unsafe(entryName, "expands more than " + limits.maxRatio() + " times its size");
        }
    }

    private static void setMode(Path file, boolean executable) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, executable ? EXECUTABLE : PLAIN);
        }
    }
}
