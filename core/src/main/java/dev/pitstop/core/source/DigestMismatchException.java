package dev.pitstop.core.source;

/** A download does not have the digest its evidence promised; nothing was kept. */
public class DigestMismatchException extends FetchException {
    private static final long serialVersionUID = 1L;
    private final String expected;
    private final String actual;
    private final String evidence;

    public DigestMismatchException(String assetName, String evidence, String expected, String actual) {
        super(assetName + ": digest mismatch against " + evidence + ": expected " + expected + ", got " + actual);
        this.expected = expected;
        this.actual = actual;
        this.evidence = evidence;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    /** Which evidence disagreed ({@code manifest}, {@code github-digest}, a checksum file's name…). */
    public String evidence() {
        return evidence;
    }
}
