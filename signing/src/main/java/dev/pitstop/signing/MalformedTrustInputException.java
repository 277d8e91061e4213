package dev.pitstop.signing;

/** A key, signature or checksum file that cannot be read as what it claims to be. */
public final class MalformedTrustInputException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * @param source the file name or description of the input ("public key", "pitstop.lock.json.minisig")
     */
    public MalformedTrustInputException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public MalformedTrustInputException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
