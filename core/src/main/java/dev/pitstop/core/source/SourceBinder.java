package dev.pitstop.core.source;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;
import java.util.Objects;

/**
 * Adds source kinds: {@code SourceBinder.sourceBinder(binder()).addBinding("s3").to(S3Source.class)}. The stack
 * reader accepts every bound kind and the engine picks the source by {@code BinarySpec.kind()}.
 *
 * <p>Pitstop's own kinds ({@code github}, {@code url}, {@code mirror}, {@code file}, {@code git}) are bound with
 * {@link #defaultSources}: binding the same kind with {@link #sourceBinder} replaces it (your own
 * {@code github}), with no {@code Modules.override} needed. Two explicit bindings of one kind are an error.
 */
public final class SourceBinder {
    private static final TypeLiteral<String> KIND = TypeLiteral.get(String.class);
    private static final TypeLiteral<Source<?>> SOURCE = new TypeLiteral<>() { };

    private final MapBinder<String, Source<?>> map;

    private SourceBinder(MapBinder<String, Source<?>> map) {
        this.map = map;
    }

    /** Kinds bound here are installed as given, replacing a default kind of the same name. */
    public static SourceBinder sourceBinder(Binder binder) {
        return new SourceBinder(MapBinder.newMapBinder(Objects.requireNonNull(binder, "binder"), KIND, SOURCE));
    }

    /** Kinds a module ships: installed unless an explicit {@link #sourceBinder} binding takes the name. */
    public static SourceBinder defaultSources(Binder binder) {
        return new SourceBinder(MapBinder.newMapBinder(Objects.requireNonNull(binder, "binder"), KIND, SOURCE,
                DefaultSource.class));
    }

    public LinkedBindingBuilder<Source<?>> addBinding(String kind) {
        return map.addBinding(Objects.requireNonNull(kind, "kind"));
    }
}
