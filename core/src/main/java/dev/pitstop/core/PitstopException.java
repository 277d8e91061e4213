package dev.pitstop.core;

/**
 * Root of every error Pitstop reports. Subclasses carry the facts (file and line, expected and actual
 * digest, exit code and last log lines) so that a caller, and the CLI, can print one clear line.
 */
public class PitstopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PitstopException(String message) {
        super(message);
    }

    public PitstopException(String message, Throwable cause) {
        super(message, cause);
    }
}
