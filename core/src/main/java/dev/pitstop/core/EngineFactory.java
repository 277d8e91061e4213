package dev.pitstop.core;

import java.nio.file.Path;

/** Opens an {@link Engine} for a stack file (read and validated, not yet started). */
public interface EngineFactory {
    Engine open(Path stackFile);

    /**
     * Opens a stack read from several files, merged in order as Process Compose's repeated {@code -f} merges
     * them (see {@code StackReader.read(List)}); the first file's folder holds the state.
     */
    default Engine open(java.util.List<Path> stackFiles) {
        if (stackFiles.size() != 1) {
            throw new UnsupportedOperationException("this engine factory reads one stack file, not " + stackFiles);
        }
        return open(stackFiles.get(0));
    }

    /**
     * Opens a stack of which only a selection runs ({@code -n NAMESPACE}, {@code up NAME...}); the selection is
     * applied again whenever the files are re-read.
     */
    default Engine open(java.util.List<Path> stackFiles, dev.pitstop.core.stack.StackSelection selection) {
        if (!selection.isAll()) {
            throw new UnsupportedOperationException("this engine factory runs whole stacks, not " + selection);
        }
        return open(stackFiles);
    }
}
