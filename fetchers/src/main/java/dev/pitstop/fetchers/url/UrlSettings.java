package dev.pitstop.fetchers.url;

import java.util.Map;

/**
 * The keys of a {@code url:} binary besides the shared ones ({@code checksum:} among them, the inline digest).
 *
 * @param osNames how the publisher spells Pitstop's OS names ({@code darwin: macos})
 * @param archNames how the publisher spells Pitstop's CPU names ({@code amd64: x86_64})
 * @param checksumUrl a checksum file (a template like the URL), or {@code null}
 * @param signatureUrl a detached minisign or cosign signature (a template), or {@code null}
 * @param path which file of the archive is the binary, or {@code null} to pick it by name
 * @param platforms per-platform overrides, keyed {@code os/arch}
 */
record UrlSettings(Map<String, String> osNames, Map<String, String> archNames, String checksumUrl,
                   String signatureUrl, String path, Map<String, PlatformOverride> platforms) {
    UrlSettings {
        osNames = osNames == null ? Map.of() : Map.copyOf(osNames);
        archNames = archNames == null ? Map.of() : Map.copyOf(archNames);
        platforms = platforms == null ? Map.of() : Map.copyOf(platforms);
    }

    /** One {@code platforms:} entry: each key set here replaces the binary's own for that platform. */
    record PlatformOverride(String url, String checksum, String checksumUrl, String signatureUrl, String path) {
    }
}
