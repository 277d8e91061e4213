package dev.pitstop.core.engine;

import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.StoredBinary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link BinLinks} that remembers every switch, in order. */
final class FakeLinks implements BinLinks {
    final List<StoredBinary> history = new CopyOnWriteArrayList<>();

    @Override
    public Path switchTo(Path stateDir, String name, StoredBinary binary) {
        history.add(binary);
        return link(stateDir, name);
    }

    @Override
    public Optional<Path> current(Path stateDir, String name) {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).path());
    }

    @Override
    public Path link(Path stateDir, String name) {
        return stateDir.resolve("bin").resolve(name);
    }
}
