package dev.pitstop.control;

import dev.pitstop.core.PitstopException;

/** A running stack refused a request; the message is its one-line reason, {@link #status()} the HTTP status. */
public final class ControlException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ControlException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
