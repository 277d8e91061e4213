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
 * <p>To replace a built-in kind (your own {@code github}), bind it under the same name in a module given to
 * {@code Modules.override(builtIns).with(yours)}: the MapBinder's entry is overridden, not duplicated.
 */
public final class SourceBinder {
    private static final TypeLiteral<Source<?>> SOURCE = new TypeLiteral<>() { };

    private final MapBinder<String, Source<?>> map;

    private SourceBinder(Binder binder) {
        this.map = MapBinder.newMapBinder(Objects.requireNonNull(binder, "binder"), TypeLiteral.get(String.class),
                SOURCE);
    }

    public static SourceBinder sourceBinder(Binder binder) {
        return new SourceBinder(binder);
    }

    public LinkedBindingBuilder<Source<?>> addBinding(String kind) {
        return map.addBinding(Objects.requireNonNull(kind, "kind"));
    }
}
