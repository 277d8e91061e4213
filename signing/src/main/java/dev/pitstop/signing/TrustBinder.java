package dev.pitstop.signing;

import com.google.inject.Binder;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;
import dev.pitstop.core.trust.PlatformTrust;
import java.util.Objects;

/**
 * Adds {@link PlatformTrust} implementations keyed by OS name ({@code linux}, {@code darwin}, {@code windows},
 * or one of your own): {@code TrustBinder.trustBinder(binder()).addBinding("freebsd").to(MyTrust.class)}.
 */
public final class TrustBinder {
    private final MapBinder<String, PlatformTrust> map;

    private TrustBinder(Binder binder) {
        this.map = MapBinder.newMapBinder(Objects.requireNonNull(binder, "binder"), String.class, PlatformTrust.class);
    }

    public static TrustBinder trustBinder(Binder binder) {
        return new TrustBinder(binder);
    }

    /** @param os the OS name as {@code Platform.os()} spells it */
    public LinkedBindingBuilder<PlatformTrust> addBinding(String os) {
        return map.addBinding(os);
    }
}
