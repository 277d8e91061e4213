package dev.pitstop.core.source;

import java.util.Objects;

/**
 * Thrown by a source's settings record (from its constructor) for a value it cannot accept; the stack reader
 * reports it at the key's line and column: {@code pitstop.yaml:4:10: binaries.nats.api: not an http(s) URL}.
 */
public class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    /** @param key the key as written in the stack file ({@code token_env}) */
    public InvalidSettingException(String key, String problem) {
        super(problem);
        this.key = Objects.requireNonNull(key, "key");
    }

    public String key() {
        return key;
    }
}
