package dev.pitstop.signing;

import dev.pitstop.core.PitstopException;

/** Root of every failure to prove a file is the published one. */
public class VerificationException extends PitstopException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
