package dev.pitstop.control.pc;

import dev.pitstop.core.PitstopException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Process Compose-compatible API listens and the token it asks for.
 *
 * @param address loopback unless the user named another address
 * @param token Process Compose's {@code PC_API_TOKEN}: when present, every request must carry it in the
 *              {@code X-PC-Token-Key} header; at least 20 characters, as Process Compose demands
 * @param version what {@code /project/state} reports as the version
 */
public record PcApiSettings(InetSocketAddress address, Optional<String> token, String version) {
    /** Process Compose refuses shorter tokens. */
    public static final int MIN_TOKEN_LENGTH = 20;

    public PcApiSettings {
        Objects.requireNonNull(address, "address");
        token = token == null ? Optional.empty() : token.filter(t -> !t.isEmpty());
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new PitstopException("PC_API_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters long");
        }
        version = version == null ? "" : version;
    }

    /** Whether a client on another machine could reach it. */
    public boolean beyondThisMachine() {
        return address.getAddress() == null || !address.getAddress().isLoopbackAddress();
    }
}
