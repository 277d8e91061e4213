package dev.pitstop.signing;

/** The binary's trust policy demands evidence the release does not provide, or the policy itself is wrong. */
public final class PolicyViolationException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final String binary;

    public PolicyViolationException(String binary, String reason) {
        super("binary " + binary + ": " + reason);
        this.binary = binary;
    }

    public String binary() {
        return binary;
    }
}
