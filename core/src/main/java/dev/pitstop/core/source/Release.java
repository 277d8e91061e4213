package dev.pitstop.core.source;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published release.
 *
 * @param tag the tag as published ({@code v2.10.1})
 * @param version the tag without a leading {@code v} when followed by a digit ({@code 2.10.1})
 * @param publishedAt when it was published, or {@code null} when the source does not say
 * @param revision the source revision it stands for, when the source builds from a repository, else {@code null}
 */
public record Release(String tag, String version, Instant publishedAt, boolean prerelease, List<Asset> assets,
                      Revision revision) {
    public Release {
        Objects.requireNonNull(tag, "tag");
        version = version == null ? versionOf(tag) : version;
        assets = List.copyOf(assets);
    }

    /** A published release (not built from a repository). */
    public Release(String tag, String version, Instant publishedAt, boolean prerelease, List<Asset> assets) {
        this(tag, version, publishedAt, prerelease, assets, null);
    }

    /** {@code v1.2.3} → {@code 1.2.3}; anything else unchanged. */
    public static String versionOf(String tag) {
        return tag.length() > 1 && (tag.charAt(0) == 'v' || tag.charAt(0) == 'V') && Character.isDigit(tag.charAt(1))
                ? tag.substring(1) : tag;
    }

    public Optional<Asset> asset(String name) {
        return assets.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
