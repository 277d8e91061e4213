package dev.pitstop.core.stack;

/**
 * The evidence keys every {@code binaries:} entry may have, whatever its source; {@code null} when absent.
 * The trust policy reads them ({@code docs/trust.md}); a source may read {@code checksum} as the inline digest.
 *
 * @param checksum {@code required}, {@code if-published}, {@code off}, or a digest ({@code sha256:<hex>})
 * @param signature {@code required}, {@code if-published}, {@code off}, or where the signature is
 * @param publicKey a minisign public key, inline or the path of a {@code .pub} file
 * @param cosignKey a cosign public key (PEM), inline or the path of one
 */
public record TrustSettings(String checksum, String signature, String publicKey, String cosignKey) {
    public static final TrustSettings NONE = new TrustSettings(null, null, null, null);
}
