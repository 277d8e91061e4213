package dev.pitstop.core.engine;

import jakarta.inject.Inject;

/**
 * What {@code fetch} and {@code up} do with the lock ({@code pitstop lock}'s entries in {@code pitstop.lock.json}).
 * Either way, a binary locked for this machine's platform is fetched at its locked version and a download whose
 * SHA-256 differs from the locked one is refused. With {@code required} (the CLI's {@code --locked}, for CI), a
 * binary with no entry for this platform is an error instead of a fresh resolve. Set it with
 * {@code Pitstop.builder().locked(true)}.
 */
public record LockPolicy(boolean required) {
    @Inject
    public LockPolicy() {
        this(false);
    }
}
