package dev.pitstop.core.trust;

import java.nio.file.Path;

/**
 * What an operating system demands before it runs a downloaded binary, and how to satisfy it.
 * Implementations are bound by OS name ({@code linux}, {@code darwin}, {@code windows}); the engine calls
 * {@link #prepare} only after the binary's checksum or signature was verified, and before the store makes
 * the file read-only.
 */
public interface PlatformTrust {

    /** Reports what stands in the way of running {@code binary} on this machine; changes nothing. */
    TrustReport check(Path binary);

    /**
     * Makes {@code binary} runnable where that is in Pitstop's power (execute bits, quarantine flags, ad-hoc
     * signatures) and reports the steps taken plus whatever still stands in the way.
     */
    TrustReport prepare(Path binary);
}
