package dev.pitstop.core;

import java.nio.file.Path;

/** Opens an {@link Engine} for a stack file (read and validated, not yet started). */
public interface EngineFactory {
    Engine open(Path stackFile);
}
