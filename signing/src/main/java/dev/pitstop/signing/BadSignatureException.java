package dev.pitstop.signing;

/** A well-formed signature does not match the file, or was made with another key. */
public final class BadSignatureException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final String file;

    public BadSignatureException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
