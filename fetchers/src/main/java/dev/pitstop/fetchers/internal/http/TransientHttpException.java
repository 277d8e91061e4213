package dev.pitstop.fetchers.internal.http;

import dev.pitstop.core.source.FetchException;
import java.net.URI;

/** A server error (5xx) worth retrying. */
public final class TransientHttpException extends FetchException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public TransientHttpException(URI uri, int status) {
        super("GET " + HttpTransport.redact(uri) + " answered HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
