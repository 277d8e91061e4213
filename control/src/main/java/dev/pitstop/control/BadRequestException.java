package dev.pitstop.control;

/** A request the control server cannot serve; carries the HTTP status to answer with. */
final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
