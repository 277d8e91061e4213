package dev.pitstop.core.engine;

import dev.pitstop.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 of files, remembered per file identity: path, device, inode, size, modification and status-change time.
 * Any write, rename over, {@code chmod} or {@code touch} changes one of them (the status-change time cannot be
 * set back by a user), so an unchanged identity means unchanged bytes and costs one {@code stat} instead of a
 * read of the whole file.
 */
final class FileDigests {
    private static final int KEPT = 256;

    private record Identity(Path path, Object device, Object inode, long size, FileTime modified, FileTime changed) {}

    private final Map<Identity, Sha256> known = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Sha256> eldest) {
            return size() > KEPT;
        }
    };

    /** The file's SHA-256 (following links), read only if its identity is new. */
    Sha256 of(Path file) throws IOException {
        Identity before = identity(file);
        synchronized (known) {
            Sha256 cached = known.get(before);
            if (cached != null) {
                return cached;
            }
        }
        Sha256 sha = Sha256.ofFile(file);
        // a file written while it was read has another identity afterwards: then nothing is remembered
        if (before.equals(identity(file))) {
            synchronized (known) {
                known.put(before, sha);
            }
        }
        return sha;
    }

    private static Identity identity(Path file) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
            return new Identity(file, a.get("dev"), a.get("ino"), (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"),
                    (FileTime) a.get("ctime"));
        } catch (UnsupportedOperationException e) {
            // no "unix" view (Windows): the file key and the creation time are the closest there is
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Identity(file, a.fileKey(), null, a.size(), a.lastModifiedTime(), a.creationTime());
        }
    }
}
