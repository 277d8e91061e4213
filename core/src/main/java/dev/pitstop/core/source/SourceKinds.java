package dev.pitstop.core.source;

import dev.pitstop.core.PitstopException;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The source kinds installed in this injector (see {@link SourceBinder}), for the stack reader, which accepts
 * exactly these, and for the engine, which fetches through them.
 */
public final class SourceKinds {
    private final SortedMap<String, Source<?>> sources;

    public SourceKinds(Map<String, Source<?>> sources) {
        this.sources = new TreeMap<>(sources);
    }

    /** The default kinds, each replaced by an explicit binding of the same name. */
    @Inject
    SourceKinds(Map<String, Source<?>> explicit, @DefaultSource Map<String, Source<?>> defaults) {
        this(merged(explicit, defaults));
    }

    private static Map<String, Source<?>> merged(Map<String, Source<?>> explicit, Map<String, Source<?>> defaults) {
        Map<String, Source<?>> all = new TreeMap<>(defaults);
        all.putAll(explicit);
        return all;
    }

    /** The installed kinds, sorted. */
    public SortedSet<String> names() {
        return new TreeSet<>(sources.keySet());
    }

    public Optional<Source<?>> find(String kind) {
        return Optional.ofNullable(sources.get(kind));
    }

    /** The source of {@code kind}; an unknown kind is an error that lists the installed ones. */
    public Source<?> get(String binary, String kind) {
        return find(kind).orElseThrow(() -> new PitstopException(binary + ": no source of kind '" + kind
                + "' is installed (installed: " + String.join(", ", names()) + ")"));
    }
}
