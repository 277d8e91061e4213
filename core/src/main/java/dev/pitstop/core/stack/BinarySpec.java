package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * One entry of the Pitstop-only {@code binaries:} section.
 *
 * @param kind the source kind ({@code github}, {@code url}, {@code mirror}, {@code file}, {@code git}),
 *             the key under which a {@code Source} is bound
 * @param location the value of that key: {@code OWNER/REPO}, a URL template, a path, a git URL
 * @param version {@code latest} or a tag / version
 * @param watch whether a running stack swaps the binary in when the file at its path changes
 * @param poll how often a running stack checks upstream, or {@code null} for never
 * @param settings the whole YAML entry, for source-specific keys ({@code asset}, {@code path},
 *                 {@code checksum}, {@code api}, …) that the source parses into its own typed config
 */
public record BinarySpec(String name, String kind, String location, String version, boolean watch, Duration poll,
                         JsonNode settings) {
    public BinarySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        version = version == null ? "latest" : version;
        settings = settings == null ? JsonNodeFactory.instance.objectNode() : settings;
    }
}
