package dev.pitstop.core.engine;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ManifestStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@link ManifestStore} in memory: what the engine records, without files or locks. */
final class FakeManifests implements ManifestStore {
    private final Map<Path, Manifest> files = new HashMap<>();

    void put(Stack stack, Manifest manifest) {
        files.put(BinaryInstaller.lockFile(stack), manifest);
    }

    Manifest get(Stack stack) {
        return read(BinaryInstaller.lockFile(stack));
    }

    @Override
    public synchronized Manifest read(Path lockFile) {
        return files.getOrDefault(lockFile, Manifest.empty());
    }

    @Override
    public synchronized Manifest update(Path lockFile, UnaryOperator<Manifest> change) {
        Manifest next = change.apply(read(lockFile));
        files.put(lockFile, next);
        return next;
    }

    @Override
    public List<Path> knownManifests() {
        return List.copyOf(files.keySet());
    }

    @Override
    public Set<Sha256> retained(int keepLast) {
        throw new UnsupportedOperationException("not used by the engine");
    }
}
