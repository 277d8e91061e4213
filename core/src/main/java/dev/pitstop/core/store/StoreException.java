package dev.pitstop.core.store;

import dev.pitstop.core.PitstopException;
import java.nio.file.Path;

/** The store, a manifest or a link could not be read or written; names the file. */
public class StoreException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public StoreException(Path file, String problem, Throwable cause) {
        this(file + ": " + problem + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                file, cause);
    }

    /** For subclasses that phrase the whole message themselves. */
    protected StoreException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
