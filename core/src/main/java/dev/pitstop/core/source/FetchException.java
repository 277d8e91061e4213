package dev.pitstop.core.source;

import dev.pitstop.core.PitstopException;

/** A binary could not be resolved, downloaded, verified or extracted. */
public class FetchException extends PitstopException {
    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
