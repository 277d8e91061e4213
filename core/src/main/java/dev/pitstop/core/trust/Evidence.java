package dev.pitstop.core.trust;

/**
 * How a binary was proven to be the published one; recorded in the manifest.
 *
 * @param kind {@code manifest} (same SHA-256 as recorded before), {@code github-digest}, {@code checksum-file},
 *             {@code inline-checksum}, {@code minisign}, {@code cosign}, or {@code none}
 * @param detail what exactly: the checksum file's URL, the key id, the digest compared
 */
public record Evidence(String kind, String detail) {}
