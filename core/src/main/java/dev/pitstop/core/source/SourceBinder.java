package dev.pitstop.core.source;

import com.google.inject.Binder;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;
import java.util.Objects;

/**
 * Adds source kinds: {@code SourceBinder.sourceBinder(binder()).addBinding("github").to(GitHubSource.class)}.
 * The engine injects {@code Map<String, Source>} and picks by {@code BinarySpec.kind()}.
 */
public final class SourceBinder {
    private final MapBinder<String, Source> map;

    private SourceBinder(Binder binder) {
        this.map = MapBinder.newMapBinder(Objects.requireNonNull(binder, "binder"), String.class, Source.class);
    }

    public static SourceBinder sourceBinder(Binder binder) {
        return new SourceBinder(binder);
    }

    public LinkedBindingBuilder<Source> addBinding(String kind) {
        return map.addBinding(Objects.requireNonNull(kind, "kind"));
    }
}
