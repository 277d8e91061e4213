package dev.pitstop.manifest;

import dev.pitstop.core.io.AtomicFiles;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.store.StoreException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code $PITSTOP_HOME/manifests.txt}: the absolute path of every manifest written, one per line, so that
 * garbage collection of the shared store knows which binaries any stack still names.
 */
final class ManifestRegistry {
    private final Path file;
    private final FileLocks locks;

    @Inject
    ManifestRegistry(PitstopHome home, FileLocks locks) {
        this.file = home.root().resolve("manifests.txt");
        this.locks = locks;
    }

    void add(Path lockFile) {
        String entry = lockFile.toAbsolutePath().normalize().toString();
        if (lines().contains(entry)) {
            return; // the common case needs no lock
        }
        try {
            locks.withLock(file.resolveSibling("manifests.txt.lock"), () -> {
                List<String> lines = new ArrayList<>(lines());
                if (!lines.contains(entry)) {
                    lines.add(entry);
                    AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return null;
            });
        } catch (IOException e) {
            throw new StoreException(file, "cannot write", e);
        }
    }

    /** Registered manifests that still exist; moved or deleted stacks simply drop out. */
    List<Path> existing() {
        return lines().stream().map(Path::of).filter(Files::isRegularFile).toList();
    }

    private List<String> lines() {
        try {
            return Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList()
                    : List.of();
        } catch (IOException e) {
            throw new StoreException(file, "cannot read", e);
        }
    }
}
