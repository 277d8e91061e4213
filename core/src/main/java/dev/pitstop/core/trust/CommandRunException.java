package dev.pitstop.core.trust;

import dev.pitstop.core.PitstopException;
import java.util.List;

/** An external command could not be started or missed its deadline. */
public final class CommandRunException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final List<String> argv;

    public CommandRunException(List<String> argv, String problem, Throwable cause) {
        super(String.join(" ", argv) + ": " + problem, cause);
        this.argv = List.copyOf(argv);
    }

    public List<String> argv() {
        return argv;
    }
}
