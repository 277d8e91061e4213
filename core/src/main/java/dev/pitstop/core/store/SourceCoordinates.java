package dev.pitstop.core.store;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a binary came from, as the stack file said it.
 *
 * @param kind the source kind: {@code github}, {@code url}, {@code mirror}, {@code file}, {@code git}
 * @param location {@code OWNER/REPO}, a URL, a path or a git URL
 * @param options the source-specific settings that change which bytes are fetched ({@code asset}, {@code ref},
 *                {@code build}, …), sorted; not credentials
 */
public record SourceCoordinates(String kind, String location, SortedMap<String, String> options) {
    public SourceCoordinates {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        options = options == null ? new TreeMap<>() : new TreeMap<>(options);
    }

    public static SourceCoordinates of(String kind, String location) {
        return new SourceCoordinates(kind, location, null);
    }

    public static SourceCoordinates of(String kind, String location, Map<String, String> options) {
        return new SourceCoordinates(kind, location, new TreeMap<>(options));
    }

    @Override
    public SortedMap<String, String> options() {
        return java.util.Collections.unmodifiableSortedMap(options);
    }
}
