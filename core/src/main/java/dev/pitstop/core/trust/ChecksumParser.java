package dev.pitstop.core.trust;

import java.util.Optional;

/**
 * Reads published checksum files: {@code sha256sum} output (with or without {@code *}), BSD
 * {@code SHA256 (file) = hex}, and one-hash {@code .sha256} files. Implemented by the {@code signing} module;
 * fetchers use it to find the digest an asset was published with.
 */
public interface ChecksumParser {
    /**
     * @param checksumFileText the whole text of the checksum file
     * @param fileName the asset's file name to look up (a one-hash file matches any name)
     * @return the published digest, or empty if the file does not list that name
     */
    Optional<Digest> find(String checksumFileText, String fileName);
}
