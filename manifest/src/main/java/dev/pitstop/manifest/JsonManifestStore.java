package dev.pitstop.manifest;

import dev.pitstop.core.io.AtomicFiles;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StoreException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code pitstop.lock.json} read with Jackson, changed under the lock of {@code pitstop.lock.json.lock}. */
final class JsonManifestStore implements ManifestStore {
    private final ManifestJson json;
    private final FileLocks locks;
    private final ManifestRegistry registry;

    @Inject
    JsonManifestStore(ManifestJson json, FileLocks locks, ManifestRegistry registry) {
        this.json = json;
        this.locks = locks;
        this.registry = registry;
    }

    @Override
    public Manifest read(Path lockFile) {
        byte[] content;
        try {
            content = Files.readAllBytes(lockFile);
        } catch (NoSuchFileException e) {
            return Manifest.empty();
        } catch (IOException e) {
            throw new StoreException(lockFile, "cannot read", e);
        }
        return json.readManifest(lockFile, content);
    }

    @Override
    public Manifest update(Path lockFile, UnaryOperator<Manifest> change) {
        Manifest written;
        try {
            written = locks.withLock(lockFile.resolveSibling(lockFile.getFileName() + ".lock"), () -> {
                Manifest before = read(lockFile);
                Manifest after = Objects.requireNonNull(change.apply(before), "the change returned no manifest");
                if (!after.equals(before) || !Files.exists(lockFile)) {
                    AtomicFiles.write(lockFile, json.write(after));
                }
                return after;
            });
        } catch (IOException e) {
            throw new StoreException(lockFile, "cannot write", e);
        }
        registry.add(lockFile);
        return written;
    }

    @Override
    public List<Path> knownManifests() {
        return registry.existing();
    }

    @Override
    public Set<Sha256> retained(int keepLast) {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must not be negative: " + keepLast);
        }
        Set<Sha256> keep = new HashSet<>();
        for (Path file : knownManifests()) {
            keep.addAll(read(file).retained(keepLast));
        }
        return keep;
    }
}
