package dev.pitstop.supervisor;

import dev.pitstop.core.Sha256;
import dev.pitstop.supervisor.platform.ProcessTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SHA-256 of the executable a process runs, read through the path the process table gives ({@code /proc/PID/exe}
 * on Linux, which opens the file even after it was replaced on disk), remembered per file identity
 * (device and inode, size, modification time). Reloading a 20 MB server onto the same file then costs a
 * {@code stat}, not a re-hash; a binary replaced on disk (a new inode, even with {@code mv new old}) is hashed.
 */
final class ExecutableHashes {
    private static final int KEPT = 64;

    private record Identity(Object fileKey, long size, long modified) {}

    private final Supplier<ProcessTable> table;
    private final Map<Identity, Sha256> known = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Sha256> eldest) {
            return size() > KEPT;
        }
    };

    ExecutableHashes(Supplier<ProcessTable> table) {
        this.table = table;
    }

    /** @return the digest, or {@code null} where the table cannot tell the executable or the process is gone */
    Sha256 of(long pid) {
        Path exe = table.get().executable(pid).orElse(null);
        if (exe == null) {
            return null;
        }
        try {
            BasicFileAttributes attrs = Files.readAttributes(exe, BasicFileAttributes.class);
            Identity id = new Identity(attrs.fileKey(), attrs.size(), attrs.lastModifiedTime().toMillis());
            synchronized (known) {
                Sha256 cached = id.fileKey() == null ? null : known.get(id);
                if (cached != null) {
                    return cached;
                }
            }
            Sha256 sha = Sha256.ofFile(exe);
            if (id.fileKey() != null) {
                synchronized (known) {
                    known.put(id, sha);
                }
            }
            return sha;
        } catch (IOException e) {
            return null;
        }
    }
}
