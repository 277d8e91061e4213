package dev.pitstop.manifest;

import dev.pitstop.core.io.AtomicFiles;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.StoreException;
import dev.pitstop.core.store.StoredBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code <stateDir>/bin/<name>} as a symlink to the store. A new link is made under a temp name and renamed
 * over the old one: rename(2) replaces it atomically, so a process starting at that moment finds one of them.
 */
final class SymlinkBinLinks implements BinLinks {

    @Override
    public Path switchTo(Path stateDir, String name, StoredBinary binary) {
        Path link = link(stateDir, name);
        Path temp = link.resolveSibling("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(temp, binary.path().toAbsolutePath());
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(link.getParent());
            return link;
        } catch (IOException e) {
            throw new StoreException(link, "cannot point at " + binary.path(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // only left behind if the rename failed, which was reported
            }
        }
    }

    @Override
    public Optional<Path> current(Path stateDir, String name) {
        Path link = link(stateDir, name);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(link.getParent().resolve(Files.readSymbolicLink(link)).normalize());
        } catch (IOException e) {
            throw new StoreException(link, "cannot read link", e);
        }
    }

    @Override
    public Path link(Path stateDir, String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a valid binary name: '" + name + "'");
        }
        return stateDir.resolve("bin").resolve(name);
    }
}
