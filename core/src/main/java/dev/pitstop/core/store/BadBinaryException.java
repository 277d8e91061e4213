package dev.pitstop.core.store;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;

/** A binary once marked bad was offered again without {@code force}. */
public final class BadBinaryException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Sha256 sha256;

    public BadBinaryException(String name, Sha256 sha256, String reason) {
        super(name + ": " + sha256.shortHex() + " was marked bad (" + reason + "); use --force to apply it anyway");
        this.name = name;
        this.sha256 = sha256;
    }

    public String name() {
        return name;
    }

    public Sha256 sha256() {
        return sha256;
    }
}
