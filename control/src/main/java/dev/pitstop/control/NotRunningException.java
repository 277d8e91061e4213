package dev.pitstop.control;

import dev.pitstop.core.PitstopException;
import java.nio.file.Path;

/** No stack answers in a folder; the CLI exits with {@code 3}. */
public final class NotRunningException extends PitstopException {
    private static final long serialVersionUID = 1L;

    public NotRunningException(Path directory, String why) {
        super("no stack is running in " + directory + " (" + why + ")");
    }
}
