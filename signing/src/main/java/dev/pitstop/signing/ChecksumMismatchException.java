package dev.pitstop.signing;

import dev.pitstop.core.trust.Digest;

/** A file's digest differs from the published one: corrupted download, wrong asset, or tampering. */
public final class ChecksumMismatchException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final Digest expected;
    private final Digest actual;

    public ChecksumMismatchException(String file, Digest expected, Digest actual) {
        super(file + ": " + expected.algorithm() + " mismatch: expected " + expected.hex() + ", got " + actual.hex());
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    public String file() { return file; }
    public Digest expected() { return expected; }
    public Digest actual() { return actual; }
}
