package dev.pitstop.core.engine;

import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.stack.StackReader;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;

/** Reads and validates the stack file, then gives the engine a supervisor of its own. */
public final class DefaultEngineFactory implements EngineFactory {
    private final StackReader reader;
    private final Provider<Supervisor> supervisors;

    @Inject
    public DefaultEngineFactory(StackReader reader, Provider<Supervisor> supervisors) {
        this.reader = reader;
        this.supervisors = supervisors;
    }

    @Override
    public Engine open(Path stackFile) {
        Stack stack = reader.read(stackFile.toAbsolutePath());
        return new DefaultEngine(reader, supervisors.get(), stack);
    }
}
